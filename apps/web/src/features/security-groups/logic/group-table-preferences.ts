import { listPreferences, type TablePreferences } from '@/components/resource-list';

/**
 * Column visibility and order, page size and look of the Security groups list, kept per user. Findings
 * come right after the name, and what fits 1440 pixels is shown by default.
 */

export const GROUP_COLUMN_IDS = [
  'id',
  'name',
  'findings',
  'type',
  'inbound',
  'outbound',
  'members',
  'vpcId',
  'innerAccessPolicy',
  'description',
  'tags',
  'created',
] as const;
export type GroupColumnId = (typeof GROUP_COLUMN_IDS)[number];

export type GroupTablePreferences = TablePreferences<GroupColumnId>;

export const GROUP_TABLE_PREFERENCES = listPreferences<GroupColumnId>({
  columns: GROUP_COLUMN_IDS,
  hiddenByDefault: ['innerAccessPolicy', 'description', 'tags', 'created'],
});
