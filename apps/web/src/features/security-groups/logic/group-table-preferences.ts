import { listPreferences, type TablePreferences } from '@/components/resource-list';

/** Column visibility and order, page size and look of the Security groups list, kept per user. */

export const GROUP_COLUMN_IDS = [
  'id',
  'name',
  'vpcId',
  'type',
  'inbound',
  'outbound',
  'members',
  'findings',
  'innerAccessPolicy',
  'description',
  'tags',
  'created',
] as const;
export type GroupColumnId = (typeof GROUP_COLUMN_IDS)[number];

export type GroupTablePreferences = TablePreferences<GroupColumnId>;

export const GROUP_TABLE_PREFERENCES = listPreferences<GroupColumnId>({
  columns: GROUP_COLUMN_IDS,
  hiddenByDefault: ['innerAccessPolicy', 'tags'],
});
