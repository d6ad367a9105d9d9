import type { AuditFilter, StoredAuditEntry } from '@ecs-console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, selectEntries, type AuditQueryPlan } from '../src/audit/audit-query.js';
import { AuditStore, AUDIT_CSV_COLUMNS, InvalidAuditCursorError } from '../src/audit/audit-store.js';
import type { Database } from '../src/storage/database.js';
import {
  allRows,
  expectedIds,
  generateFilters,
  generateRows,
  insertRows,
  parseCsv,
  type StoredRow,
} from './support/audit-entries.js';
import { eachDatabase, openMigrated } from './support/databases.js';

const ROW_COUNT = 3_000;

/** Every entry `filter` answers, page by page, and how many pages it took. */
async function allPages(
  store: AuditStore,
  filter: AuditFilter,
  limit: number,
): Promise<{ entries: StoredAuditEntry[]; pages: number }> {
  const entries: StoredAuditEntry[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.page(filter, { limit, cursor });
    pages++;
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.entries).toHaveLength(limit);
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return { entries, pages };
}

/** Other spellings base64url decoding forgives (stray bits in the last character) of the same bytes. */
function aliasesOf(cursor: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = Buffer.from(cursor, 'base64url');
  return [...alphabet]
    .map((last) => `${cursor.slice(0, -1)}${last}`)
    .filter((alias) => alias !== cursor && Buffer.from(alias, 'base64url').equals(bytes));
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe.each(eachDatabase())('the audit store on $name', (kind) => {
  let db: Database;
  let store: AuditStore;
  let rows: StoredRow[];

  beforeAll(async () => {
    db = await openMigrated(kind);
    await insertRows(db, generateRows(ROW_COUNT, 12));
    rows = await allRows(db);
    store = new AuditStore(db, { exportBatchSize: 700 });
  }, 60_000);
  afterAll(() => db.close());

  it('pages through thousands of entries with tied times, each exactly once, newest first', async () => {
    const expected = expectedIds(rows, {});
    expect(expected).toHaveLength(ROW_COUNT);
    for (const limit of [1_000, 113]) {
      const { entries, pages } = await allPages(store, {}, limit);
      expect(entries.map((entry) => entry.id)).toEqual(expected);
      expect(pages).toBe(Math.ceil(ROW_COUNT / limit));
    }
  });

  it('answers each filter and combination as a brute-force filter and sort of every row does', async () => {
    for (const filter of generateFilters(40, 7)) {
      const { entries } = await allPages(store, filter, 97);
      expect(
        entries.map((entry) => entry.id),
        JSON.stringify(filter),
      ).toEqual(expectedIds(rows, filter));
    }
  });

  it('matches an action alone and its parenthesised forms, nothing else', async () => {
    const { entries } = await allPages(store, { action: 'ChangeRole' }, 500);
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set(['ChangeRole', 'ChangeRole(admin)', 'ChangeRole(viewer)']),
    );
    const exact = await allPages(store, { action: 'ChangeRole(admin)' }, 500);
    expect(new Set(exact.entries.map((entry) => entry.action))).toEqual(new Set(['ChangeRole(admin)']));
  });

  it('takes a cursor from another filter as a position: the older entries of this filter', async () => {
    const first = await store.page({}, { limit: 1_234 });
    const older = new Set(expectedIds(rows, {}).slice(1_234));
    const filter: AuditFilter = { outcome: 'failure', event: 'action' };
    const continued = await store.page(filter, { limit: 100, cursor: first.nextCursor });
    const expected = expectedIds(rows, filter).filter((id) => older.has(id));
    expect(continued.entries.map((entry) => entry.id)).toEqual(expected.slice(0, 100));
  });

  it('refuses cursors it did not hand out', async () => {
    const { nextCursor } = await store.page({}, { limit: 5 });
    expect(nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const bad = [
      '',
      'not a cursor',
      'abc',
      Buffer.from('1767225600000000:0').toString('base64url'),
      Buffer.from('1767225600000000:99999999999999999999').toString('base64url'),
      Buffer.from('17672256000000001:5').toString('base64url'),
      Buffer.from('x:5').toString('base64url'),
      Buffer.from('{"t":1,"i":2}').toString('base64url'),
      `${nextCursor}=`,
      ` ${nextCursor}`,
      'x'.repeat(100),
      ...aliasesOf(nextCursor!),
    ];
    for (const cursor of bad) {
      const attempt = store.page({}, { limit: 5, cursor });
      await expect(attempt, cursor).rejects.toBeInstanceOf(InvalidAuditCursorError);
    }
  });

  it('gives an entry by id with empty columns left out, and nothing for unknown or malformed ids', async () => {
    const { entries } = await store.page({ outcome: 'success' }, { limit: 50 });
    for (const entry of entries) expect(await store.get(entry.id)).toEqual(entry);
    const sparse = entries.find((entry) => entry.role === undefined)!;
    expect(sparse).toBeDefined();
    expect(Object.keys(sparse)).not.toContain('role');
    expect(Object.keys(sparse)).not.toContain('code');
    expect(sparse.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const id of ['0', '99999999', '-1', 'abc', '1.5', '99999999999999999999', ''])
      expect(await store.get(id), id).toBeUndefined();
  });

  it('exports the same entries as the pages, as CSV in batches, with formulas defused', async () => {
    for (const filter of [
      {},
      { user: '=HYPERLINK("http://evil")' },
      { outcome: 'failure' as const, event: 'user' as const },
    ]) {
      const chunks = await collect(store.export(filter));
      const { entries } = await allPages(store, filter, 500);
      expect(chunks.length).toBe(1 + Math.ceil(entries.length / 700));
      const [header, ...records] = parseCsv(chunks.join(''));
      expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
      expect(records).toHaveLength(entries.length);
      records.forEach((record, index) => {
        const entry = entries[index]!;
        const cells = Object.fromEntries(AUDIT_CSV_COLUMNS.map((column, at) => [column, record[at]!]));
        const defused = (value: string | undefined): string =>
          value === undefined ? '' : /^[=+\-@]/.test(value) ? `'${value}` : value;
        expect(cells).toEqual({
          time: entry.time,
          user: defused(entry.user),
          role: entry.role ?? '',
          event: entry.event,
          action: entry.action ?? '',
          regionId: entry.regionId ?? '',
          resourceIds: entry.resourceIds.join(' '),
          outcome: entry.outcome,
          code: entry.code ?? '',
          message: defused(entry.message),
          requestId: entry.requestId ?? '',
          sourceIp: entry.sourceIp ?? '',
          params: JSON.stringify(entry.params),
        });
      });
    }
    const csv = (await collect(store.export({ user: '=HYPERLINK("http://evil")' }))).join('');
    expect(csv).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
  });

  it('exports only a header when nothing matches', async () => {
    expect(await collect(store.export({ user: 'nobody' }))).toEqual([`${AUDIT_CSV_COLUMNS.join(',')}\r\n`]);
  });
});

describe.each(eachDatabase())('recording and pruning on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigrated(kind);
  });
  afterAll(() => db.close());

  it('stamps entries with its clock and stores every field', async () => {
    const store = new AuditStore(db, { now: () => new Date('2026-03-04T05:06:07.089Z') });
    await store.record({
      user: 'alice',
      role: 'admin',
      event: 'action',
      action: 'StopInstance',
      regionId: 'cn-hangzhou',
      resourceIds: ['i-1', 'i-2'],
      params: { InstanceId: 'i-1', Force: true },
      outcome: 'failure',
      code: 'IncorrectInstanceStatus',
      message: 'The current status does not support this operation.',
      requestId: 'REQ-1',
      sourceIp: '10.1.2.3',
    });
    const { entries } = await store.page({ user: 'alice' }, { limit: 5 });
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^\d+$/) as unknown,
        time: '2026-03-04T05:06:07.089Z',
        user: 'alice',
        role: 'admin',
        event: 'action',
        action: 'StopInstance',
        regionId: 'cn-hangzhou',
        resourceIds: ['i-1', 'i-2'],
        params: { InstanceId: 'i-1', Force: true },
        outcome: 'failure',
        code: 'IncorrectInstanceStatus',
        message: 'The current status does not support this operation.',
        requestId: 'REQ-1',
        sourceIp: '10.1.2.3',
      },
    ]);
  });

  it('prunes exactly the entries older than the retention, in bounded batches', async () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    const cutoffMs = now.getTime() - 30 * 24 * 60 * 60 * 1000;
    const ages = Array.from({ length: 1_050 }, (_, index) => index);
    await db.query('DELETE FROM audit_entries');
    await insertRows(
      db,
      ages.map((index) => ({
        // 525 rows before the cut-off (one exactly at it: kept), the others after.
        time: new Date(cutoffMs + (index - 524) * 60_000).toISOString(),
        username: `u${index}`,
        role: null,
        event: 'login',
        action: null,
        region_id: null,
        resource_ids: [],
        params: {},
        outcome: 'success',
        code: null,
        message: null,
        request_id: null,
        source_ip: null,
      })),
    );
    const statements: string[] = [];
    const counting: Database = {
      ...db,
      kind: db.kind,
      query: (sql, params) => {
        if (sql.includes('DELETE')) statements.push(sql);
        return db.query(sql, params);
      },
      transaction: (work) => db.transaction(work),
      withLock: (key, work) => db.withLock(key, work),
      close: () => db.close(),
    };
    const store = new AuditStore(counting, { now: () => now, pruneBatchSize: 100 });
    expect(await store.prune(30)).toBe(524);
    expect(statements).toHaveLength(6);
    const left = await allRows(db);
    expect(left).toHaveLength(1_050 - 524);
    expect(left.every((row) => row.micros >= BigInt(cutoffMs) * 1000n)).toBe(true);
    expect(await store.prune(30)).toBe(0);
    await expect(store.prune(0)).rejects.toBeInstanceOf(RangeError);
  });
});

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

describe.each(eachDatabase())('query plans of a deep page on $name', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigrated(kind);
    await insertRows(db, generateRows(5_000, 3));
    await db.query('ANALYZE audit_entries');
  }, 60_000);
  afterAll(() => db.close());

  /** The plan of the page after the 2,500 newest entries (what the 50th page of 50 asks). */
  async function deepPagePlan(plan: AuditQueryPlan): Promise<PlanNode[]> {
    const store = new AuditStore(db);
    const { nextCursor } = await store.page({}, { limit: 2_500 });
    const { sql, params } = selectEntries(plan, decodeCursor(nextCursor!), 51);
    const [row] = await db.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const value = Object.values(row!)[0];
    const [explained] = (typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: PlanNode }];
    return nodesOf(explained.Plan);
  }

  it.each([
    ['no filter', { filter: {} }, 'audit_by_time'],
    ['user', { filter: { user: 'bob' } }, 'audit_by_user'],
    ['event', { filter: { event: 'login' } }, 'audit_by_event'],
    ['outcome', { filter: { outcome: 'failure' } }, 'audit_by_outcome'],
    ['action', { filter: { action: 'StopInstance' }, action: 'exact' }, 'audit_by_action'],
    ['from and to', { filter: { from: '2026-01-01T00:01:00Z', to: '2026-01-01T00:05:00Z' } }, 'audit_by_time'],
  ] as const)('reads the index in page order with %s: no sequential scan, no sort', async (_name, plan, index) => {
    const nodes = await deepPagePlan(plan);
    const types = nodes.map((node) => node['Node Type']);
    expect(types).not.toContain('Seq Scan');
    expect(types).not.toContain('Sort');
    expect(nodes.find((node) => node['Node Type'] === 'Index Scan')?.['Index Name']).toBe(index);
  });

  it.each([
    ['a resource', { filter: { resourceId: 'i-1' } }],
    ['an action and its variants', { filter: { action: 'ChangeRole' }, action: 'exact-or-variants' }],
    ['user and event', { filter: { user: 'bob', event: 'action' } }],
    ['outcome, resource and time', { filter: { outcome: 'unknown', resourceId: 'd-1', from: '2026-01-01T00:02:00Z' } }],
  ] as const)('reads an index, never the whole table, with %s', async (_name, plan) => {
    const types = (await deepPagePlan(plan)).map((node) => node['Node Type']);
    expect(types).not.toContain('Seq Scan');
    expect(types.some((type) => type.includes('Index Scan'))).toBe(true);
  });
});
