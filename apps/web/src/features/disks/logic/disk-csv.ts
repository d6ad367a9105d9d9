import { listCsvFilename, rowsCsv, type CsvColumns } from '@/components/resource-list';
import type { DiskRow } from './disk-row';

export const DISK_CSV_COLUMNS = [
  'id',
  'name',
  'status',
  'category',
  'performanceLevel',
  'sizeGiB',
  'type',
  'zone',
  'instanceId',
  'instanceName',
  'device',
  'deleteWithInstance',
  'encrypted',
  'chargeType',
  'portable',
  'created',
  'tags',
] as const;
export type DiskCsvColumn = (typeof DISK_CSV_COLUMNS)[number];

/** Raw values (ECS categories, statuses, ISO times), as resource-list/list-csv explains. */
const CSV_VALUES: CsvColumns<DiskRow, DiskCsvColumn> = {
  id: (row) => row.id,
  name: (row) => row.name,
  status: (row) => row.status,
  category: (row) => row.category,
  performanceLevel: (row) => row.performanceLevel,
  sizeGiB: (row) => row.size,
  type: (row) => row.type,
  zone: (row) => row.zone,
  instanceId: (row) => row.instanceId,
  instanceName: (row) => row.instanceName,
  device: (row) => row.device,
  deleteWithInstance: (row) => row.disk.DeleteWithInstance,
  encrypted: (row) => row.disk.Encrypted,
  chargeType: (row) => row.disk.DiskChargeType,
  portable: (row) => row.disk.Portable,
  created: (row) => row.disk.CreationTime,
  tags: (row) => row.tags.map((tag) => `${tag.TagKey}=${tag.TagValue}`).join('; '),
};

/** The rows as CSV, with the column headings in the user's language. */
export function disksCsv(rows: readonly DiskRow[], headings: Record<DiskCsvColumn, string>): string {
  return rowsCsv(rows, DISK_CSV_COLUMNS, CSV_VALUES, headings);
}

export function disksCsvFilename(regionId: string, now: Date): string {
  return listCsvFilename('disks', regionId, now);
}
