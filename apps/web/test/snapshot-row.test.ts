import type { PropertyFilterQuery } from '@cloudscape-design/collection-hooks';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_CSV_COLUMNS, SNAPSHOT_CSV_VALUES } from '@/features/snapshots/logic/snapshot-csv';
import { SNAPSHOT_FILTER } from '@/features/snapshots/logic/snapshot-filtering';
import { toSnapshotRow, toSnapshotRows } from '@/features/snapshots/logic/snapshot-row';
import { SNAPSHOT_TABLE_PREFERENCES } from '@/features/snapshots/logic/snapshot-table-preferences';
import { makeSnapshot } from './fixtures';

const nightly = toSnapshotRow(
  makeSnapshot({
    SnapshotId: 's-nightly',
    SnapshotName: 'Nightly',
    Description: 'before the orders migration',
    SourceDiskId: 'd-orders',
    SourceDiskType: 'System',
    Usage: 'image_disk',
    Encrypted: true,
    tags: { env: 'prod', team: 'payments' },
  }),
);
const running = toSnapshotRow(
  makeSnapshot({
    SnapshotId: 's-run',
    SnapshotName: 'adhoc',
    Status: 'progressing',
    Progress: '12%',
    SourceDiskId: 'd-web',
  }),
);

const query = (...tokens: PropertyFilterQuery['tokens']): PropertyFilterQuery => ({ tokens, operation: 'and' });
const kept = (q: PropertyFilterQuery) => SNAPSHOT_FILTER.filterRows([nightly, running], q).map((row) => row.id);

describe('snapshot rows', () => {
  it("read ECS's text fields once: progress, disk type, size, retention", () => {
    expect(running.progress).toBe(12);
    expect(nightly.progress).toBe(100);
    expect(nightly.sourceDiskType).toBe('system');
    expect(nightly.sourceDiskSizeGiB).toBe(100);
    expect(nightly.retentionDays).toBe(30);
  });

  it('are built once per snapshot object', () => {
    const snapshot = makeSnapshot();
    const [first] = toSnapshotRows([snapshot], 'en');
    const [again] = toSnapshotRows([snapshot], 'en');
    expect(again).toBe(first);
    const [changed] = toSnapshotRows([{ ...snapshot }], 'en');
    expect(changed).not.toBe(first);
  });
});

describe('filtering snapshots', () => {
  it('matches properties exactly, contained or as a prefix, ignoring case where it should', () => {
    expect(kept(query({ propertyKey: 'status', operator: '=', value: 'progressing' }))).toEqual(['s-run']);
    expect(kept(query({ propertyKey: 'name', operator: ':', value: 'NIGHT' }))).toEqual(['s-nightly']);
    expect(kept(query({ propertyKey: 'sourceDiskId', operator: '^', value: 'd-w' }))).toEqual(['s-run']);
    expect(kept(query({ propertyKey: 'sourceDiskType', operator: '=', value: 'system' }))).toEqual(['s-nightly']);
    expect(kept(query({ propertyKey: 'usage', operator: '=', value: 'image_disk' }))).toEqual(['s-nightly']);
    expect(kept(query({ propertyKey: 'encrypted', operator: '=', value: 'true' }))).toEqual(['s-nightly']);
  });

  it('filters by tag, and a negated tag keeps snapshots without it', () => {
    expect(kept(query({ propertyKey: 'tag:env', operator: '=', value: 'prod' }))).toEqual(['s-nightly']);
    expect(kept(query({ propertyKey: 'tag:env', operator: '!=', value: 'prod' }))).toEqual(['s-run']);
    expect(kept(query({ propertyKey: 'tagKey', operator: '=', value: 'team' }))).toEqual(['s-nightly']);
  });

  it('searches free text in every property and the description', () => {
    expect(kept(query({ operator: ':', value: 'migration' }))).toEqual(['s-nightly']);
    expect(kept(query({ operator: ':', value: 'payments' }))).toEqual(['s-nightly']);
    expect(kept(query({ operator: ':', value: 'd-web' }))).toEqual(['s-run']);
  });
});

describe('CSV and preferences', () => {
  it('exports raw values, empty where ECS says nothing', () => {
    const forever = toSnapshotRow(makeSnapshot({ RetentionDays: undefined, SourceDiskSize: '' }));
    const values = Object.fromEntries(
      SNAPSHOT_CSV_COLUMNS.map((column) => [column, SNAPSHOT_CSV_VALUES[column](nightly)]),
    );
    expect(values).toMatchObject({
      id: 's-nightly',
      status: 'accomplished',
      progress: 100,
      sourceDiskType: 'system',
      sourceDiskSizeGiB: 100,
      retentionDays: 30,
      encrypted: true,
      usage: 'image_disk',
      tags: 'env=prod; team=payments',
    });
    expect(SNAPSHOT_CSV_VALUES.retentionDays(forever)).toBeUndefined();
    expect(SNAPSHOT_CSV_VALUES.sourceDiskSizeGiB(forever)).toBeUndefined();
  });

  it('keeps stored column choices and adds columns it did not know', () => {
    const parsed = SNAPSHOT_TABLE_PREFERENCES.parse({
      pageSize: 100,
      contentDisplay: [
        { id: 'tags', visible: true },
        { id: 'bogus', visible: true },
      ],
    });
    expect(parsed.pageSize).toBe(100);
    expect(parsed.contentDisplay[0]).toEqual({ id: 'tags', visible: true });
    expect(parsed.contentDisplay.map((column) => column.id)).toContain('progress');
    expect(parsed.contentDisplay.some((column) => (column.id as string) === 'bogus')).toBe(false);
  });
});
