import type { AuditEntry } from '@ecs-console/contract';
import type { Database, Queryable } from '../storage/database.js';

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

/** The audit trail in the `audit_entries` table (see migrations.ts for its indexes). */
export class AuditStore {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(db: Database, options: { now?: () => Date } = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
  }

  /** Stores the entry (committed when this resolves). */
  record(entry: NewAuditEntry): Promise<void> {
    return insertAuditEntry(this.#db, entry, this.#now());
  }
}
