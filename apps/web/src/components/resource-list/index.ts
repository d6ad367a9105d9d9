export { ResourceList } from './ResourceList';
export { ListPreferences } from './ListPreferences';
export { StatusCounts } from './StatusCounts';
export { downloadCsv, listCsvFilename, rowsCsv, type CsvColumns } from './list-csv';
export {
  listPreferences,
  PAGE_SIZES,
  type ColumnDisplay,
  type TablePreferences,
  type ListPreferencesModel,
} from './list-preferences';
export {
  ENUM_OPERATORS,
  filteringOptionsOf,
  MAX_SUGGESTIONS_PER_PROPERTY,
  rowFilter,
  TAG_PROPERTY_PREFIX,
  tagKeysOf,
  tagPropertyKey,
  TEXT_OPERATORS,
  type RowFilter,
  type SuggestionSpec,
} from './property-filter';
export { NO_VALUES, rowBuilder, rowSearch, searchValues, type SearchableRow, type SearchValues } from './row-search';
export { countByStatus } from './status-counts';
export { useListPreferences } from './use-list-preferences';
export { useRowFiltering, type RowFilteringSpec } from './use-row-filtering';
export type {
  I18nKey,
  ResourceListColumn,
  ResourceListFiltering,
  ResourceListLabels,
  ResourceListPreferences,
  ResourceListProps,
  ResourceListSelection,
  ResourceListSource,
} from './types';
