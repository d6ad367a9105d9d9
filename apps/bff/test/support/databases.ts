import { createServer } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { openMemoryDatabase } from '../../src/storage/embedded.js';
import { migrate, STARTUP_LOCK_KEY } from '../../src/storage/migrations.js';
import { openServerDatabase } from '../../src/storage/server.js';

/**
 * Test databases. The bff project's globalSetup (global-postgres.ts) runs one PostgreSQL server;
 * each call here makes a new empty database on it, so tests never share state. The databases are
 * left until the end of the run: the private cluster is deleted then (an external
 * CONSOLE_TEST_DATABASE_URL server has this run's databases dropped).
 */

let sequence = 0;

/** The URL of a new, empty database on the test server. */
export async function freshServerUrl(): Promise<string> {
  const serverUrl = inject('postgresUrl');
  const name = `${inject('postgresDatabasePrefix')}${process.pid}_${Date.now().toString(36)}_${(sequence += 1)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The server-side settings tests use (the console's defaults, a smaller pool). */
export const TEST_SERVER_SETTINGS = { poolSize: 5, statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 } as const;

export type DatabaseKindName = 'pglite' | 'postgres';

export interface DatabaseKindCase {
  readonly name: DatabaseKindName;
  /** A new, empty database of this kind (not migrated). */
  readonly open: () => Promise<Database>;
}

const KINDS: readonly DatabaseKindCase[] = [
  { name: 'pglite', open: () => openMemoryDatabase() },
  {
    name: 'postgres',
    open: async () => openServerDatabase({ url: await freshServerUrl(), ...TEST_SERVER_SETTINGS }),
  },
];

/** Both database kinds, for `describe.each(eachDatabase())('$name', ({ open }) => …)`. */
export function eachDatabase(): DatabaseKindCase[] {
  return [...KINDS];
}

/** A new database of `kind` with the schema applied (under the start-up lock, as a console does). */
export async function openMigrated(kind: DatabaseKindName | DatabaseKindCase): Promise<Database> {
  const found = typeof kind === 'string' ? KINDS.find((each) => each.name === kind) : kind;
  if (!found) throw new Error(`no database kind ${JSON.stringify(kind)}`);
  const db = await found.open();
  try {
    await db.withLock(STARTUP_LOCK_KEY, migrate);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** A loopback port nothing listens on (the OS picked it free, then it was let go). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
