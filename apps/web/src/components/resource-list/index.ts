export { ResourceList } from './ResourceList';
export { StatusCounts } from './StatusCounts';
export { listCsvFilename, rowsCsv, type CsvColumns } from './list-csv';
export {
  listPreferences,
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
export { useRowFiltering, type RowFilteringSpec } from './use-row-filtering';
export type {
  I18nKey,
  ResourceListColumn,
  ResourceListFiltering,
  ResourceListLabels,
  ResourceListCsv,
  ResourceListProps,
  ResourceListSelection,
  ResourceListSource,
  ResourceListStoredPreferences,
} from './types';
export { byText, idColumn, nameColumn, rowId, rowLabel, type NamedRow } from './named-rows';
