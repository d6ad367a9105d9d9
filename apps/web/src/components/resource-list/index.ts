export { ResourceList } from './ResourceList';
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
