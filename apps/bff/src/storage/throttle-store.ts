import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Queryable } from './database.js';

/** Expired counters deleted by one increment at most (every PRUNE_EVERY increments). */
const PRUNE_BATCH = 200;
const PRUNE_EVERY = 50;

/**
 * An express-rate-limit store on the `login_failures` table, so replicas sharing one database
 * share the counters: ten guesses are ten whichever replicas they reach. Each counter is one row
 * changed by one atomic upsert; a row whose window has ended starts again at 1. Times come from
 * the console's clock (`now`, epoch ms), so tests move time instead of waiting.
 */
export class DatabaseThrottleStore implements Store {
  /** Counters are shared between processes, not kept in this one. */
  readonly localKeys = false;
  readonly prefix: string;
  readonly #db: Queryable;
  readonly #now: () => number;
  #windowMs = 60_000;
  #increments = 0;

  constructor(db: Queryable, options: { prefix: string; now?: () => number }) {
    this.#db = db;
    this.prefix = options.prefix;
    this.#now = options.now ?? (() => Date.now());
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.#db.query<{ hits: number; reset_at: Date }>(
      'SELECT hits, reset_at FROM login_failures WHERE key = $1 AND reset_at > $2',
      [this.prefix + key, new Date(this.#now())],
    );
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.#now();
    if (++this.#increments % PRUNE_EVERY === 0) await this.prune(now);
    const [row] = await this.#db.query<{ hits: number; reset_at: Date }>(
      `INSERT INTO login_failures AS f (key, hits, reset_at) VALUES ($1, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN f.reset_at <= $2 THEN 1 ELSE f.hits + 1 END,
         reset_at = CASE WHEN f.reset_at <= $2 THEN EXCLUDED.reset_at ELSE f.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, new Date(now), new Date(now + this.#windowMs)],
    );
    return { totalHits: row!.hits, resetTime: row!.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.#db.query('UPDATE login_failures SET hits = greatest(hits - 1, 0) WHERE key = $1 AND reset_at > $2', [
      this.prefix + key,
      new Date(this.#now()),
    ]);
  }

  async resetKey(key: string): Promise<void> {
    await this.#db.query('DELETE FROM login_failures WHERE key = $1', [this.prefix + key]);
  }

  /** Deletes a bounded batch of counters whose window has ended. */
  async prune(now = this.#now()): Promise<void> {
    await this.#db.query(
      `DELETE FROM login_failures WHERE key IN
         (SELECT key FROM login_failures WHERE reset_at <= $1 LIMIT ${PRUNE_BATCH})`,
      [new Date(now)],
    );
  }
}
