import { listCsvFilename, rowsCsv, type CsvColumns } from '@/components/resource-list';
import type { SecurityGroupRow } from './group-row';

export const GROUP_CSV_COLUMNS = [
  'id',
  'name',
  'vpcId',
  'type',
  'inboundRules',
  'outboundRules',
  'memberCount',
  'memberIds',
  'innerAccessPolicy',
  'highFindings',
  'description',
  'created',
  'tags',
] as const;
export type GroupCsvColumn = (typeof GROUP_CSV_COLUMNS)[number];

/** Raw values (ECS's policies, ISO times), as resource-list/list-csv explains. */
const CSV_VALUES: CsvColumns<SecurityGroupRow, GroupCsvColumn> = {
  id: (row) => row.id,
  name: (row) => row.name,
  vpcId: (row) => row.vpcId,
  type: (row) => row.type,
  inboundRules: (row) => row.inboundCount,
  outboundRules: (row) => row.outboundCount,
  memberCount: (row) => row.memberCount,
  memberIds: (row) => (row.members ?? []).map((member) => member.id).join('; '),
  innerAccessPolicy: (row) => row.innerAccessPolicy,
  highFindings: (row) => row.highFindingCount,
  description: (row) => row.description,
  created: (row) => row.group.CreationTime,
  tags: (row) => row.tags.map((tag) => `${tag.TagKey}=${tag.TagValue}`).join('; '),
};

/** The rows as CSV, with the column headings in the user's language. */
export function groupsCsv(rows: readonly SecurityGroupRow[], headings: Record<GroupCsvColumn, string>): string {
  return rowsCsv(rows, GROUP_CSV_COLUMNS, CSV_VALUES, headings);
}

export function groupsCsvFilename(regionId: string, now: Date): string {
  return listCsvFilename('security-groups', regionId, now);
}
