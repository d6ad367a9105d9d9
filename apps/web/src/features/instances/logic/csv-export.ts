import { toCsv, type CsvValue } from '@/lib/csv';
import { localDateStamp } from '@/lib/format';
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

/**
 * Raw values, not display text: ECS statuses and ISO times sort and parse in a spreadsheet, and the
 * file reads the same whatever the exporting user's language.
 */
function csvValue(row: InstanceRow, column: CsvColumn): CsvValue {
  const { instance } = row;
  switch (column) {
    case 'id':
      return row.id;
    case 'name':
      return row.name;
    case 'status':
      return row.status;
    case 'zone':
      return row.zone;
    case 'instanceType':
      return row.instanceType;
    case 'cpu':
      return instance.Cpu;
    case 'memoryGiB':
      return instance.Memory / 1024;
    case 'privateIps':
      return row.privateIps.join(' ');
    case 'publicIps':
      return row.publicIps.join(' ');
    case 'osType':
      return row.osType;
    case 'osName':
      return row.osName;
    case 'chargeType':
      return instance.InstanceChargeType;
    case 'created':
      return instance.CreationTime;
    case 'tags':
      return row.tags.map((tag) => `${tag.TagKey}=${tag.TagValue}`).join('; ');
  }
}

/** The rows as CSV, with the column headings in the user's language. */
export function instancesCsv(rows: readonly InstanceRow[], headings: Record<CsvColumn, string>): string {
  return toCsv(
    CSV_COLUMNS.map((column) => headings[column]),
    rows.map((row) => CSV_COLUMNS.map((column) => csvValue(row, column))),
  );
}

export function instancesCsvFilename(regionId: string, now: Date): string {
  return `ecs-instances-${regionId}-${localDateStamp(now)}.csv`;
}
