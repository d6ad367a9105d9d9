import type { AuditAnswer, AuditEntry, AuditFilter, StoredAuditEntry } from '@ecs-console/contract';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../storage/database.js';
import {
  actionMatch,
  decodeCursor,
  encodeCursor,
  entryOf,
  isAuditId,
  keysetOf,
  SELECT_ONE,
  selectEntries,
  type AuditQueryPlan,
  type AuditRow,
  type Keyset,
} from './audit-query.js';
import { csvRow } from './csv.js';

/** What a route records; the store adds the time. */
export type NewAuditEntry = Omit<AuditEntry, 'time'>;

/**
 * Inserts one entry with `q`: the store's own connection, or a transaction that also changes
 * something else (a user change and its entry commit together or not at all).
 */
export async function insertAuditEntry(q: Queryable, entry: NewAuditEntry, time: Date = new Date()): Promise<void> {
  await q.query(
    `INSERT INTO audit_entries
       (time, username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      time,
      entry.user,
      entry.role ?? null,
      entry.event,
      entry.action ?? null,
      entry.regionId ?? null,
      [...entry.resourceIds],
      entry.params,
      entry.outcome,
      entry.code ?? null,
      entry.message ?? null,
      entry.requestId ?? null,
      entry.sourceIp ?? null,
    ],
  );
}

/** A cursor `page` did not hand out (or one damaged on the way): the route's 400 InvalidParameter. */
export class InvalidAuditCursorError extends Error {
  override readonly name = 'InvalidAuditCursorError';
}

/** Whether `cursor` is one `AuditStore.page` hands out, for checking a query before it runs. */
export function isAuditCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== undefined;
}

/** The columns of the CSV export, in order (`resourceIds` space-separated, `params` as JSON). */
export const AUDIT_CSV_COLUMNS = [
  'time',
  'user',
  'role',
  'event',
  'action',
  'regionId',
  'resourceIds',
  'outcome',
  'code',
  'message',
  'requestId',
  'sourceIp',
  'params',
] as const;

function csvLine(entry: StoredAuditEntry): string {
  return csvRow([
    entry.time,
    entry.user,
    entry.role,
    entry.event,
    entry.action,
    entry.regionId,
    entry.resourceIds.join(' '),
    entry.outcome,
    entry.code,
    entry.message,
    entry.requestId,
    entry.sourceIp,
    JSON.stringify(entry.params),
  ]);
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditStoreOptions {
  /** The clock entries are stamped with and retention counts from. */
  readonly now?: () => Date;
  /** Rows one export query reads (memory stays at one batch whatever the export's size). Default 1,000. */
  readonly exportBatchSize?: number;
  /** Rows one prune statement deletes (no statement holds its locks long). Default 10,000. */
  readonly pruneBatchSize?: number;
}

/**
 * The audit trail in the `audit_entries` table (see migrations.ts for its indexes): recorded by
 * the routes, read newest first a keyset page at a time (page 1,000 costs what page 1 costs),
 * exported as CSV in batches, and pruned past the retention.
 */
export class AuditStore {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #exportBatchSize: number;
  readonly #pruneBatchSize: number;

  constructor(db: Database, options: AuditStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
    this.#exportBatchSize = options.exportBatchSize ?? 1_000;
    this.#pruneBatchSize = options.pruneBatchSize ?? 10_000;
  }

  /** Stores the entry (committed when this resolves). */
  record(entry: NewAuditEntry): Promise<void> {
    return insertAuditEntry(this.#db, entry, this.#now());
  }

  /**
   * The entries matching `filter` (all of its fields, ANDed), newest first: `limit` of them after
   * `cursor` (the previous page's `nextCursor`), and the cursor of the next page when there is one.
   * `from`/`to` must be ISO 8601 timestamps (the route checks them). A cursor works with any
   * filter: it is only a position in the order.
   */
  async page(
    filter: AuditFilter,
    { limit, cursor }: { limit: number; cursor?: string | undefined },
  ): Promise<AuditAnswer> {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`an audit page needs a positive limit, not ${limit}`);
    let after: Keyset | undefined;
    if (cursor !== undefined) {
      after = decodeCursor(cursor);
      if (!after) throw new InvalidAuditCursorError('the cursor is not one this console handed out');
    }
    // One more than asked says whether another page follows.
    const rows = await this.#select(await this.#plan(filter), after, limit + 1);
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    return {
      entries: entries.map(entryOf),
      ...(rows.length > limit && last ? { nextCursor: encodeCursor(keysetOf(last)) } : {}),
    };
  }

  /** One entry by its id, or undefined (also for an id no entry could have). */
  async get(id: string): Promise<StoredAuditEntry | undefined> {
    if (!isAuditId(id)) return undefined;
    const [row] = await this.#db.query<AuditRow>(SELECT_ONE, [id]);
    return row ? entryOf(row) : undefined;
  }

  /**
   * The entries matching `filter` as CSV (header row, then one row per entry, newest first), in
   * chunks of one batch each: whatever the size, only one batch is in memory. Entries recorded
   * while it runs are newer than its start and are left out.
   */
  async *export(filter: AuditFilter): AsyncGenerator<string, void, undefined> {
    yield csvRow(AUDIT_CSV_COLUMNS);
    const plan = await this.#plan(filter);
    let after: Keyset | undefined;
    for (;;) {
      const rows = await this.#select(plan, after, this.#exportBatchSize);
      if (rows.length > 0) yield rows.map((row) => csvLine(entryOf(row))).join('');
      const last = rows.at(-1);
      if (rows.length < this.#exportBatchSize || !last) return;
      after = keysetOf(last);
    }
  }

  /**
   * Deletes the entries older than `retentionDays` days, `pruneBatchSize` rows per statement, so
   * a large prune never holds its locks for long; rows another replica is pruning are skipped.
   * Answers how many this call deleted.
   */
  async prune(retentionDays: number): Promise<number> {
    if (!(retentionDays > 0 && Number.isFinite(retentionDays)))
      throw new RangeError(`the audit retention must be a positive number of days, not ${retentionDays}`);
    const cutoff = new Date(this.#now().getTime() - retentionDays * DAY_MS);
    let pruned = 0;
    for (;;) {
      const [row] = await this.#db.query<{ deleted: number }>(
        `WITH doomed AS (
           SELECT id FROM audit_entries WHERE time < $1 ORDER BY time LIMIT $2 FOR UPDATE SKIP LOCKED
         ), gone AS (
           DELETE FROM audit_entries WHERE id IN (SELECT id FROM doomed) RETURNING 1
         )
         SELECT count(*)::int AS deleted FROM gone`,
        [cutoff, this.#pruneBatchSize],
      );
      const deleted = row?.deleted ?? 0;
      pruned += deleted;
      if (deleted < this.#pruneBatchSize) return pruned;
    }
  }

  async #plan(filter: AuditFilter): Promise<AuditQueryPlan> {
    return filter.action === undefined ? { filter } : { filter, action: await actionMatch(this.#db, filter.action) };
  }

  #select(plan: AuditQueryPlan, after: Keyset | undefined, limit: number): Promise<AuditRow[]> {
    const { sql, params } = selectEntries(plan, after, limit);
    return this.#db.query<AuditRow>(sql, params);
  }
}

/** How often the retention runs after the first prune at start-up. */
export const AUDIT_RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface AuditRetention {
  /** No more prunes are started (one under way finishes); call before closing the database. */
  stop(): void;
}

/**
 * Prunes entries older than `retentionDays` (CONSOLE_AUDIT_RETENTION_DAYS) now and then every
 * hour, logging how many went; 0 keeps every entry. The timer does not hold the process open,
 * and a failed prune is logged and tried again at the next hour.
 */
export function startAuditRetention(
  store: Pick<AuditStore, 'prune'>,
  retentionDays: number,
  logger: Logger,
  intervalMs: number = AUDIT_RETENTION_INTERVAL_MS,
): AuditRetention {
  if (retentionDays <= 0) {
    logger.info('audit entries are kept without limit (CONSOLE_AUDIT_RETENTION_DAYS=0)');
    return { stop: () => undefined };
  }
  let stopped = false;
  let running = false;
  const run = (): void => {
    if (stopped || running) return;
    running = true;
    store
      .prune(retentionDays)
      .then(
        (pruned) =>
          logger[pruned > 0 ? 'info' : 'debug']({ pruned, retentionDays }, 'audit entries past the retention pruned'),
        (error: unknown) => {
          // A prune cut short by the shutdown closing the database is not a failure.
          if (stopped) logger.info({ err: error }, 'audit retention stopped during a prune');
          else logger.error({ err: error, retentionDays }, 'audit entries past the retention could not be pruned');
        },
      )
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
