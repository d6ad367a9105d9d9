import type { PropertyFilterQuery, PropertyFilterToken } from '@cloudscape-design/collection-hooks';
import { describe, expect, it } from 'vitest';
import { filteringOptionsOf } from '@/components/resource-list';
import { DISK_CSV_COLUMNS, disksCsv, disksCsvFilename, type DiskCsvColumn } from '@/features/disks/logic/disk-csv';
import { DISK_FILTERING, DISK_ROW_FILTER } from '@/features/disks/logic/disk-filtering';
import { toDiskRows } from '@/features/disks/logic/disk-row';
import { DISK_TABLE_PREFERENCES } from '@/features/disks/logic/disk-table-preferences';
import { makeDisk } from './fixtures';

const system = makeDisk({
  DiskId: 'd-sys1',
  DiskName: 'web-1-system',
  Type: 'system',
  Category: 'cloud_essd',
  PerformanceLevel: 'PL0',
  Size: 40,
  InstanceId: 'i-web1',
  Device: '/dev/xvda',
  DeleteWithInstance: true,
  tags: { env: 'prod' },
});
const data = makeDisk({
  DiskId: 'd-data1',
  DiskName: 'db-data',
  Description: 'orders database',
  Category: 'cloud_auto',
  PerformanceLevel: 'PL1',
  Size: 500,
  InstanceId: 'i-db1',
  Device: '/dev/xvdb',
  Encrypted: true,
  tags: { env: 'staging', team: 'payments' },
});
const spare = makeDisk({
  DiskId: 'd-spare',
  DiskName: '',
  Status: 'Available',
  Category: 'cloud_efficiency',
  PerformanceLevel: undefined,
  InstanceId: '',
  Device: '',
  ZoneId: 'cn-hangzhou-i',
});
const names = new Map([
  ['i-web1', 'web-1'],
  ['i-db1', 'db-1'],
]);
const rows = toDiskRows([system, data, spare], names);

const token = (propertyKey: string | undefined, operator: string, value: string): PropertyFilterToken => ({
  propertyKey,
  operator,
  value,
});
const and = (...tokens: PropertyFilterToken[]): PropertyFilterQuery => ({ operation: 'and', tokens });
const ids = (query: PropertyFilterQuery) => DISK_ROW_FILTER.filterRows(rows, query).map((row) => row.id);

describe('disk rows', () => {
  it('carry the attached instance name, and a performance level only for ESSD', () => {
    expect(rows.map((row) => [row.id, row.instanceName, row.performanceLevel])).toEqual([
      ['d-sys1', 'web-1', 'PL0'],
      // cloud_auto reports a level too, but it is not the disk's tier: ESSD AutoPL has none.
      ['d-data1', 'db-1', ''],
      ['d-spare', '', ''],
    ]);
  });

  it('are built once per disk object, and again when the attached instance is renamed', () => {
    const again = toDiskRows([system, data, spare], names);
    expect(again[0]).toBe(rows[0]);
    expect(again[1]).toBe(rows[1]);
    const renamed = toDiskRows([system, data, spare], new Map([...names, ['i-db1', 'db-primary']]));
    expect(renamed[0]).toBe(rows[0]);
    expect(renamed[1]).not.toBe(rows[1]);
    expect(renamed[1]?.instanceName).toBe('db-primary');
    // An instance list not loaded yet: IDs only.
    expect(toDiskRows([data], new Map())[0]?.instanceName).toBe('');
  });
});

describe('disk property filter', () => {
  it('matches statuses, categories and types exactly', () => {
    expect(ids(and(token('status', '=', 'Available')))).toEqual(['d-spare']);
    expect(ids(and(token('status', '!=', 'Available')))).toEqual(['d-sys1', 'd-data1']);
    expect(ids(and(token('category', '=', 'cloud_essd'), token('performanceLevel', '=', 'PL0')))).toEqual(['d-sys1']);
    expect(ids(and(token('type', '=', 'system')))).toEqual(['d-sys1']);
    expect(ids(and(token('encrypted', '=', 'true')))).toEqual(['d-data1']);
  });

  it('finds disks by the name or ID of their instance', () => {
    expect(ids(and(token('instanceName', ':', 'DB')))).toEqual(['d-data1']);
    expect(ids(and(token('instanceId', '^', 'i-')))).toEqual(['d-sys1', 'd-data1']);
    // Not attached: no instance value, so a negated match keeps it.
    expect(ids(and(token('instanceId', '!:', 'web')))).toEqual(['d-data1', 'd-spare']);
  });

  it('filters by tag:<key>, sizes as typed, and free text over every value and the description', () => {
    expect(ids(and(token('tag:env', '=', 'prod')))).toEqual(['d-sys1']);
    expect(ids(and(token('tag:env', '!=', 'prod')))).toEqual(['d-data1', 'd-spare']);
    expect(ids(and(token('tag:team', ':', 'pay')))).toEqual(['d-data1']);
    expect(ids(and(token('size', '=', '500')))).toEqual(['d-data1']);
    expect(ids(and(token(undefined, ':', 'ORDERS')))).toEqual(['d-data1']);
    expect(ids(and(token(undefined, ':', '/dev/xvda')))).toEqual(['d-sys1']);
    expect(
      ids({ operation: 'or', tokens: [token('zone', '=', 'cn-hangzhou-i'), token('tag:env', '=', 'prod')] }),
    ).toEqual(['d-sys1', 'd-spare']);
  });

  it('matches nothing for a property it does not know', () => {
    expect(ids(and(token('color', '=', 'blue')))).toEqual([]);
  });

  it('suggests every status, category and level, and each distinct value of the disks', () => {
    const options = filteringOptionsOf(rows, {
      keys: DISK_FILTERING.suggestedKeys,
      always: DISK_FILTERING.alwaysSuggested,
    });
    const valuesOf = (key: string) => options.filter((option) => option.propertyKey === key).map((o) => o.value);
    expect(valuesOf('status')).toEqual(['In_use', 'Available', 'Creating', 'Attaching', 'Detaching', 'ReIniting']);
    expect(valuesOf('performanceLevel')).toEqual(['PL0', 'PL1', 'PL2', 'PL3']);
    expect(valuesOf('category')).toContain('cloud_auto');
    expect(valuesOf('instanceName')).toEqual(['web-1', 'db-1']);
    expect(valuesOf('tag:env')).toEqual(['prod', 'staging']);
    expect(DISK_FILTERING.valueLabelKey?.('category', 'cloud_essd')).toBe('diskCategory.cloud_essd');
    expect(DISK_FILTERING.valueLabelKey?.('category', 'cloud_future')).toBeUndefined();
  });
});

describe('disk CSV export', () => {
  it('writes raw values with the headings given, one line per disk', () => {
    const headings = Object.fromEntries(DISK_CSV_COLUMNS.map((column) => [column, column])) as Record<
      DiskCsvColumn,
      string
    >;
    const lines = disksCsv(rows, headings).trimEnd().split('\r\n');
    expect(lines[0]).toBe(DISK_CSV_COLUMNS.join(','));
    expect(lines[2]).toBe(
      'd-data1,db-data,In_use,cloud_auto,,500,data,cn-hangzhou-h,i-db1,db-1,/dev/xvdb,false,true,PostPaid,true,2024-05-01T08:30Z,env=staging; team=payments',
    );
    expect(lines).toHaveLength(4);
    expect(disksCsvFilename('cn-hangzhou', new Date(2026, 10, 30, 12))).toBe('ecs-disks-cn-hangzhou-2026-11-30.csv');
  });
});

describe('disk table preferences', () => {
  it('show the main columns by default and keep a stored order, adding columns a later release brings', () => {
    const { defaults, parse } = DISK_TABLE_PREFERENCES;
    expect(defaults.contentDisplay.filter((column) => column.visible).map((column) => column.id)).toEqual([
      'name',
      'id',
      'status',
      'category',
      'size',
      'type',
      'zone',
      'instance',
      'encrypted',
    ]);
    const stored = parse({
      pageSize: 100,
      contentDisplay: [
        { id: 'instance', visible: true },
        { id: 'id', visible: true },
        { id: 'bogus', visible: true },
        { id: 'id', visible: false },
      ],
      wrapLines: true,
    });
    expect(stored.pageSize).toBe(100);
    expect(stored.wrapLines).toBe(true);
    expect(stored.contentDisplay.slice(0, 3)).toEqual([
      { id: 'instance', visible: true },
      { id: 'id', visible: true },
      { id: 'name', visible: true },
    ]);
    expect(stored.contentDisplay).toHaveLength(defaults.contentDisplay.length);
    expect(parse({ pageSize: 7 }).pageSize).toBe(50);
  });
});
