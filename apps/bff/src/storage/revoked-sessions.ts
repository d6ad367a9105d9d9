import { readFile } from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';

/**
 * Sessions ended before their cookie expires (logout). A cookie carries its session id; a revoked
 * id is refused until the cookie would have expired anyway, after which the record is dropped.
 *
 * One interface so the store can change: the file store below serves one process; several replicas
 * need a shared one (a PostgreSQL table `revoked_sessions(session_id primary key, expires_at)`
 * with the same two operations).
 */
export interface RevokedSessions {
  /** Records the session as ended; `expiresAt` (epoch ms) is when its cookie stops working anyway. */
  revoke(sessionId: string, expiresAt: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

const RevokedFile = z.object({ revoked: z.record(z.string(), z.number()) });

/**
 * `revoked-sessions.json` in the data directory (mode 0600, written atomically, one write at a
 * time), read once at start and kept in memory; expired records are pruned on every write.
 */
export class FileRevokedSessions implements RevokedSessions {
  readonly #path: string;
  readonly #now: () => number;
  readonly #writes = new Mutex();
  #revoked = new Map<string, number>();

  private constructor(path: string, now: () => number) {
    this.#path = path;
    this.#now = now;
  }

  static async open(path: string, now: () => number = () => Date.now()): Promise<FileRevokedSessions> {
    const store = new FileRevokedSessions(path, now);
    try {
      store.#revoked = new Map(Object.entries(RevokedFile.parse(JSON.parse(await readFile(path, 'utf8'))).revoked));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}`, { cause: error });
    }
    return store;
  }

  revoke(sessionId: string, expiresAt: number): Promise<void> {
    return this.#writes.runExclusive(async () => {
      const now = this.#now();
      const next = new Map([...this.#revoked].filter(([, until]) => until > now));
      if (expiresAt > now) next.set(sessionId, expiresAt);
      await writeFileAtomic(this.#path, `${JSON.stringify({ revoked: Object.fromEntries(next) })}\n`);
      this.#revoked = next;
    });
  }

  isRevoked(sessionId: string): Promise<boolean> {
    const until = this.#revoked.get(sessionId);
    return Promise.resolve(until !== undefined && until > this.#now());
  }

  /** How many records the store holds (expired ones included until the next write). */
  get size(): number {
    return this.#revoked.size;
  }
}
