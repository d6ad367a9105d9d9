import { rowFilter, type RowFilteringSpec } from '@/components/resource-list';
import { SNAPSHOT_PROPERTY_KEYS } from './snapshot-row';
import { SNAPSHOT_STATUSES } from './snapshot-status';

/** The Snapshots list's filter: the console's property-filter semantics on the snapshot rows. */
export const SNAPSHOT_FILTER = rowFilter(SNAPSHOT_PROPERTY_KEYS);

export const SNAPSHOT_FILTERING: RowFilteringSpec = {
  filter: SNAPSHOT_FILTER,
  keys: SNAPSHOT_PROPERTY_KEYS,
  enumKeys: ['status', 'sourceDiskType', 'usage', 'encrypted', 'snapshotType'],
  suggestedKeys: [
    'name',
    'id',
    'sourceDiskId',
    'sourceDiskType',
    'usage',
    'encrypted',
    'snapshotType',
    'tagKey',
    'tagValue',
  ],
  alwaysSuggested: { status: SNAPSHOT_STATUSES, usage: ['image', 'disk', 'image_disk', 'none'] },
  i18nPrefix: 'snapshots.filter',
  valueLabelKey: (propertyKey, value) => {
    if (propertyKey === 'status' && (SNAPSHOT_STATUSES as readonly string[]).includes(value)) {
      return `snapshots.status.${value}`;
    }
    return undefined;
  },
};
