import type { Queryable } from './database.js';

/** Expired records deleted by one revoke at most, so a logout never waits on a big cleanup. */
const PRUNE_BATCH = 100;

/**
 * Sessions ended before their cookie expires (logout), in the `revoked_sessions` table every
 * replica reads: a logout on one replica holds on all of them at once. A revoked id is refused
 * until the cookie would have expired anyway; after that its row is deleted by a later revoke.
 */
export class RevokedSessions {
  readonly #db: Queryable;
  readonly #now: () => number;

  /** `now` (epoch ms) is the sessions' clock, so tests move time instead of waiting. */
  constructor(db: Queryable, now: () => number = () => Date.now()) {
    this.#db = db;
    this.#now = now;
  }

  /** Records the session as ended; `expiresAt` (epoch ms) is when its cookie stops working anyway. */
  async revoke(sessionId: string, expiresAt: number): Promise<void> {
    const now = new Date(this.#now());
    await this.#db.query(
      `DELETE FROM revoked_sessions WHERE session_id IN
         (SELECT session_id FROM revoked_sessions WHERE expires_at <= $1 LIMIT ${PRUNE_BATCH})`,
      [now],
    );
    if (expiresAt <= now.getTime()) return;
    await this.#db.query(
      `INSERT INTO revoked_sessions (session_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (session_id) DO UPDATE SET expires_at = greatest(revoked_sessions.expires_at, EXCLUDED.expires_at)`,
      [sessionId, new Date(expiresAt)],
    );
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const rows = await this.#db.query('SELECT 1 FROM revoked_sessions WHERE session_id = $1 AND expires_at > $2', [
      sessionId,
      new Date(this.#now()),
    ]);
    return rows.length > 0;
  }

  /** How many records the table holds (expired ones included until pruned). */
  async size(): Promise<number> {
    const [row] = await this.#db.query<{ count: number }>('SELECT count(*)::int AS count FROM revoked_sessions');
    return row?.count ?? 0;
  }
}
