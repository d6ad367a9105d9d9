import type { AuditFilter, StoredAuditEntry } from '@ecs-console/contract';
import type { Queryable } from '../storage/database.js';

/**
 * The SQL behind the audit store's reads: the filter as a WHERE clause, keyset positions and their
 * opaque cursor, and rows as entries. Every read runs newest first on `(time DESC, id DESC)`, the
 * order of `audit_by_time` and of the per-filter indexes (see migrations.ts).
 */

/** A position in that order: the time to the microsecond (what the column holds) and the id. */
export interface Keyset {
  /** Microseconds since 1970 as a decimal integer. */
  readonly micros: string;
  readonly id: string;
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;
/** Up to 16 digits of microseconds: beyond the year 2286 nothing is recorded. */
const KEYSET_TEXT = /^(0|-?[1-9]\d{0,15}):([1-9]\d{0,18})$/;
const ID_TEXT = /^[1-9]\d{0,18}$/;

/** The cursor handed out for the page after `keyset`: base64url of `micros:id`. */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(`${keyset.micros}:${keyset.id}`, 'latin1').toString('base64url');
}

/** The position a cursor names, or undefined for anything `encodeCursor` did not make. */
export function decodeCursor(cursor: string): Keyset | undefined {
  if (!/^[A-Za-z0-9_-]{1,48}$/.test(cursor)) return undefined;
  const match = KEYSET_TEXT.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match || BigInt(match[2]!) > MAX_BIGINT) return undefined;
  const keyset = { micros: match[1]!, id: match[2]! };
  // Base64url decoding forgives stray bits and lengths: only the one spelling we hand out is valid.
  return encodeCursor(keyset) === cursor ? keyset : undefined;
}

/** Whether `id` can be an entry's id (a positive bigint), before asking the database. */
export function isAuditId(id: string): boolean {
  return ID_TEXT.test(id) && BigInt(id) <= MAX_BIGINT;
}

/** Microseconds since 1970 as an ISO 8601 timestamp with six decimals, exact, for `$n::timestamptz`. */
function microsToTimestamp(micros: string): string {
  const value = BigInt(micros);
  let millis = value / 1000n;
  if (value < 0n && millis * 1000n !== value) millis -= 1n;
  const rest = value - millis * 1000n;
  return new Date(Number(millis)).toISOString().replace(/Z$/, `${rest.toString().padStart(3, '0')}Z`);
}

/**
 * How an `action` filter matches: the name alone also matches its parenthesised forms
 * (`ChangeRole` matches `ChangeRole(admin)`). Those are rare (user changes), so the range over
 * them is only added when such entries exist: a plain `action = $1` reads `audit_by_action` in
 * page order, with no sort.
 */
export async function actionMatch(q: Queryable, action: string): Promise<'exact' | 'exact-or-variants'> {
  if (action.includes('(')) return 'exact';
  const [variant] = await q.query(
    'SELECT 1 AS found FROM audit_entries WHERE action >= $1 AND action < $2 LIMIT 1',
    variantRange(action),
  );
  return variant ? 'exact-or-variants' : 'exact';
}

/** `X(` ≤ action < `X)`: every `X(…)` in the column's "C" collation (`(` is 0x28, `)` 0x29). */
function variantRange(action: string): [string, string] {
  return [`${action}(`, `${action})`];
}

export interface AuditQueryPlan {
  readonly filter: AuditFilter;
  readonly action?: 'exact' | 'exact-or-variants';
}

const COLUMNS = `id::text AS id, time, (extract(epoch FROM time) * 1000000)::bigint::text AS time_us,
  username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip`;

/** One page of `plan`'s entries after `after` (or from the newest), `limit` rows at most. */
export function selectEntries(
  plan: AuditQueryPlan,
  after: Keyset | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const { filter } = plan;
  const conditions: string[] = [];
  if (filter.user !== undefined) conditions.push(`username = ${param(filter.user)}`);
  if (filter.action !== undefined) {
    const exact = `action = ${param(filter.action)}`;
    if (plan.action === 'exact-or-variants') {
      const [low, high] = variantRange(filter.action);
      conditions.push(`(${exact} OR (action >= ${param(low)} AND action < ${param(high)}))`);
    } else conditions.push(exact);
  }
  if (filter.event !== undefined) conditions.push(`event = ${param(filter.event)}`);
  if (filter.outcome !== undefined) conditions.push(`outcome = ${param(filter.outcome)}`);
  if (filter.resourceId !== undefined) conditions.push(`resource_ids @> ARRAY[${param(filter.resourceId)}::text]`);
  if (filter.from !== undefined) conditions.push(`time >= ${param(filter.from)}::timestamptz`);
  if (filter.to !== undefined) conditions.push(`time < ${param(filter.to)}::timestamptz`);
  if (after)
    conditions.push(
      `(time, id) < (${param(microsToTimestamp(after.micros))}::timestamptz, ${param(after.id)}::bigint)`,
    );
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    // Qualified: a bare `id` here would be the text output column, ordering '597' after '2813'.
    sql: `SELECT ${COLUMNS} FROM audit_entries ${where}
      ORDER BY audit_entries.time DESC, audit_entries.id DESC LIMIT ${param(limit)}`,
    params,
  };
}

export const SELECT_ONE = `SELECT ${COLUMNS} FROM audit_entries WHERE id = $1::bigint`;

export interface AuditRow {
  readonly id: string;
  readonly time: Date;
  readonly time_us: string;
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

export function keysetOf(row: AuditRow): Keyset {
  return { micros: row.time_us, id: row.id };
}

/** The entry a row holds; empty columns are left out (the contract's optional fields). */
export function entryOf(row: AuditRow): StoredAuditEntry {
  const optional = {
    role: row.role,
    action: row.action,
    regionId: row.region_id,
    code: row.code,
    message: row.message,
    requestId: row.request_id,
    sourceIp: row.source_ip,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null));
  return {
    id: row.id,
    time: row.time.toISOString(),
    user: row.username,
    event: row.event,
    resourceIds: row.resource_ids,
    params: row.params,
    outcome: row.outcome,
    ...present,
  } as StoredAuditEntry;
}
