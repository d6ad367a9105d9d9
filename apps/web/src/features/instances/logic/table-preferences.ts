import { listPreferences, type TablePreferences } from '@/components/resource-list';

/** Column visibility and order, page size and look of the instance table, kept per user. */

const INSTANCE_COLUMN_IDS = [
  'name',
  'id',
  'status',
  'instanceType',
  'cpuMemory',
  'zone',
  'privateIp',
  'publicIp',
  'os',
  'chargeType',
  'created',
  'tags',
] as const;
export type InstanceColumnId = (typeof INSTANCE_COLUMN_IDS)[number];

export type InstanceTablePreferences = TablePreferences<InstanceColumnId>;

export const INSTANCE_TABLE_PREFERENCES = listPreferences<InstanceColumnId>({
  columns: INSTANCE_COLUMN_IDS,
  hiddenByDefault: ['cpuMemory', 'os', 'chargeType', 'created', 'tags'],
});

export const DEFAULT_TABLE_PREFERENCES = INSTANCE_TABLE_PREFERENCES.defaults;
export const parseTablePreferences = INSTANCE_TABLE_PREFERENCES.parse;
