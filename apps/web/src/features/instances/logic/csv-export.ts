import { listCsvFilename, rowsCsv, type CsvColumns } from '@/components/resource-list';
import type { InstanceRow } from './instance-row';

export const CSV_COLUMNS = [
  'id',
  'name',
  'status',
  'zone',
  'instanceType',
  'cpu',
  'memoryGiB',
  'privateIps',
  'publicIps',
  'osType',
  'osName',
  'chargeType',
  'created',
  'tags',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Raw values (ECS statuses, ISO times), as resource-list/list-csv explains. */
const CSV_VALUES: CsvColumns<InstanceRow, CsvColumn> = {
  id: (row) => row.id,
  name: (row) => row.name,
  status: (row) => row.status,
  zone: (row) => row.zone,
  instanceType: (row) => row.instanceType,
  cpu: (row) => row.instance.Cpu,
  memoryGiB: (row) => row.instance.Memory / 1024,
  privateIps: (row) => row.privateIps.join(' '),
  publicIps: (row) => row.publicIps.join(' '),
  osType: (row) => row.osType,
  osName: (row) => row.osName,
  chargeType: (row) => row.instance.InstanceChargeType,
  created: (row) => row.instance.CreationTime,
  tags: (row) => row.tags.map((tag) => `${tag.TagKey}=${tag.TagValue}`).join('; '),
};

/** The rows as CSV, with the column headings in the user's language. */
export function instancesCsv(rows: readonly InstanceRow[], headings: Record<CsvColumn, string>): string {
  return rowsCsv(rows, CSV_COLUMNS, CSV_VALUES, headings);
}

export function instancesCsvFilename(regionId: string, now: Date): string {
  return listCsvFilename('instances', regionId, now);
}
