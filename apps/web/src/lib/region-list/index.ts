export { byIdItems, listItems } from './answers';
export {
  DISK_LIST,
  DISK_TRANSITIONAL_STATUSES,
  INSTANCE_LIST,
  INSTANCE_TRANSITIONAL_STATUSES,
  SECURITY_GROUP_LIST,
  SNAPSHOT_LIST,
  SNAPSHOT_TRANSITIONAL_STATUSES,
  type RegionListKind,
} from './kinds';
export { regionListItemQueryKey, useRefetchShown, useRegionListItem, type RegionListItemState } from './item';
export { chunkIds, mergeRegionListItems, transitionalIds } from './merge';
export {
  getRegionList,
  getRegionListItems,
  refreshRegionListItems,
  regionListQueryKey,
  regionListQueryOptions,
  useRegionList,
} from './query';
export { FAST_REFRESH_MS, refreshIntervalFor, SLOW_REFRESH_MS } from './refresh-interval';
