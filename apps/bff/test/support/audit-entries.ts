import type { AuditFilter } from '@ecs-console/contract';
import type { Queryable } from '../../src/storage/database.js';

/**
 * Generated audit rows for the store's tests, written straight into `audit_entries` (one
 * statement), and the brute-force answer a query should give: every row read back unordered,
 * filtered and sorted here, independently of the store's SQL.
 */

/** A small deterministic PRNG (mulberry32): the same rows on every run and both databases. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const USERS = ['alice', 'bob', 'carol', '=HYPERLINK("http://evil")', '@admin'] as const;
export const ACTIONS = [
  'StopInstance',
  'StartInstance',
  'ChangeRole',
  'ChangeRole(admin)',
  'ChangeRole(viewer)',
  'ChangeRoleX',
  'ChangeRoles(admin)',
  'CreateUser(operator)',
] as const;
export const EVENTS = ['login', 'logout', 'action', 'user'] as const;
export const OUTCOMES = ['success', 'failure', 'unknown'] as const;
export const RESOURCES = ['i-1', 'i-2', 'd-1', 'sg-1'] as const;
/** The first second rows are spread over; 400 distinct seconds for thousands of rows make many ties. */
export const BASE_MS = Date.UTC(2026, 0, 1);
export const SPAN_SECONDS = 400;

export interface GeneratedRow {
  /** ISO 8601 with microseconds (some rows have them, as rows written by other code may). */
  readonly time: string;
  readonly username: string;
  readonly role: string | null;
  readonly event: string;
  readonly action: string | null;
  readonly region_id: string | null;
  readonly resource_ids: string[];
  readonly params: Record<string, unknown>;
  readonly outcome: string;
  readonly code: string | null;
  readonly message: string | null;
  readonly request_id: string | null;
  readonly source_ip: string | null;
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!;
}

export function generateRows(count: number, seed: number): GeneratedRow[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const ms = BASE_MS + Math.floor(next() * SPAN_SECONDS) * 1000;
    const micros = next() < 0.2 ? String(Math.floor(next() * 1_000_000)).padStart(6, '0') : '000000';
    const time = `${new Date(ms).toISOString().slice(0, 19)}.${micros}Z`;
    const outcome = pick(next, OUTCOMES);
    const failed = outcome !== 'success';
    return {
      time,
      username: pick(next, USERS),
      role: next() < 0.2 ? null : pick(next, ['viewer', 'operator', 'admin']),
      event: pick(next, EVENTS),
      action: next() < 0.1 ? null : pick(next, ACTIONS),
      region_id: next() < 0.5 ? 'cn-hangzhou' : null,
      resource_ids: RESOURCES.filter(() => next() < 0.3),
      params: { n: index, note: next() < 0.1 ? '-1+1' : 'plain' },
      outcome,
      code: failed ? 'Some.Error' : null,
      message: failed ? pick(next, ['a "quoted", comma', 'line\nbreak', '+SUM(A1:A9)', 'plain']) : null,
      request_id: next() < 0.7 ? `req-${index}` : null,
      source_ip: next() < 0.9 ? '10.0.0.1' : null,
    };
  });
}

export async function insertRows(q: Queryable, rows: readonly GeneratedRow[]): Promise<void> {
  await q.query(
    `INSERT INTO audit_entries
       (time, username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip)
     SELECT time, username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip
       FROM jsonb_to_recordset($1::jsonb) AS r(time timestamptz, username text, role text, event text, action text,
         region_id text, resource_ids text[], params jsonb, outcome text, code text, message text, request_id text,
         source_ip text)`,
    [JSON.stringify(rows)],
  );
}

export interface StoredRow {
  readonly id: string;
  readonly micros: bigint;
  readonly username: string;
  readonly event: string;
  readonly action: string | null;
  readonly resource_ids: string[];
  readonly outcome: string;
}

export async function allRows(q: Queryable): Promise<StoredRow[]> {
  const rows = await q.query<Omit<StoredRow, 'micros'> & { micros: string }>(
    `SELECT id::text AS id, (extract(epoch FROM time) * 1000000)::bigint::text AS micros, username, event, action,
       resource_ids, outcome FROM audit_entries`,
  );
  return rows.map((row) => ({ ...row, micros: BigInt(row.micros) }));
}

const micros = (iso: string): bigint => BigInt(Date.parse(iso)) * 1000n;

export function matches(row: StoredRow, filter: AuditFilter): boolean {
  const action = filter.action;
  return (
    (filter.user === undefined || row.username === filter.user) &&
    (action === undefined ||
      row.action === action ||
      (!action.includes('(') && row.action !== null && row.action.startsWith(`${action}(`))) &&
    (filter.event === undefined || row.event === filter.event) &&
    (filter.outcome === undefined || row.outcome === filter.outcome) &&
    (filter.resourceId === undefined || row.resource_ids.includes(filter.resourceId)) &&
    (filter.from === undefined || row.micros >= micros(filter.from)) &&
    (filter.to === undefined || row.micros < micros(filter.to))
  );
}

/** Newest first on (time, id): the order the store promises. */
export function newestFirst(a: StoredRow, b: StoredRow): number {
  if (a.micros !== b.micros) return a.micros > b.micros ? -1 : 1;
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x === y ? 0 : x > y ? -1 : 1;
}

/** The ids a query with `filter` must answer, in order. */
export function expectedIds(rows: readonly StoredRow[], filter: AuditFilter): string[] {
  return rows
    .filter((row) => matches(row, filter))
    .sort(newestFirst)
    .map((row) => row.id);
}

/** Random filters of one to three fields, including values no row has. */
export function generateFilters(count: number, seed: number): AuditFilter[] {
  const next = random(seed);
  const timeAt = (): string => new Date(BASE_MS + Math.floor(next() * SPAN_SECONDS) * 1000).toISOString();
  const fields: (() => Partial<Record<keyof AuditFilter, string>>)[] = [
    () => ({ user: pick(next, [...USERS, 'nobody']) }),
    () => ({ action: pick(next, [...ACTIONS, 'ChangeRole', 'CreateUser', 'Nothing']) }),
    () => ({ event: pick(next, EVENTS) }),
    () => ({ outcome: pick(next, OUTCOMES) }),
    () => ({ resourceId: pick(next, [...RESOURCES, 'i-none']) }),
    () => ({ from: timeAt() }),
    () => ({ to: timeAt() }),
  ];
  return Array.from({ length: count }, () => {
    const size = 1 + Math.floor(next() * 3);
    return Object.assign({}, ...Array.from({ length: size }, () => pick(next, fields)())) as AuditFilter;
  });
}

/** RFC 4180 records (CRLF or LF line ends, quoted fields with doubled quotes), to read an export back. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      if (char === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
