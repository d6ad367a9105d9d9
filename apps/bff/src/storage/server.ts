import { readFileSync } from 'node:fs';
import pg from 'pg';
import { asStorageError, StorageUnavailableError, type Connection, type Database, type Queryable } from './database.js';

export interface ServerDatabaseSettings {
  readonly url: string;
  readonly poolSize: number;
  /** Longest a statement may run before the server cancels it (then 503 StorageUnavailable). */
  readonly statementTimeoutMs: number;
  /** How long to wait for a connection from the pool or the server. */
  readonly connectTimeoutMs: number;
  /** Unset: as the URL says. `disable`; `require` (encrypted, certificate not checked); `verify-full` (checked against `sslCaFile` or the system CAs). */
  readonly ssl?: 'disable' | 'require' | 'verify-full' | undefined;
  readonly sslCaFile?: string | undefined;
}

/** A PostgreSQL server through a `pg` pool: what replicas share. */
export function openServerDatabase(settings: ServerDatabaseSettings): Database {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    ssl: sslOptions(settings),
    application_name: 'ecs-console',
  });
  // An idle client whose server went away: the next query reports it; this keeps it from crashing the process.
  pool.on('error', () => undefined);
  return new ServerDatabase(pool);
}

function sslOptions(settings: ServerDatabaseSettings): pg.PoolConfig['ssl'] {
  if (settings.ssl === undefined) return undefined;
  if (settings.ssl === 'disable') return false;
  if (settings.ssl === 'require') return { rejectUnauthorized: false };
  return {
    rejectUnauthorized: true,
    ...(settings.sslCaFile ? { ca: readFileSync(settings.sslCaFile, 'utf8') } : {}),
  };
}

class ServerDatabase implements Database {
  readonly kind = 'server';
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return run(this.#pool, sql, params);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#withClient((client) => inTransaction(client, work));
  }

  withLock<T>(key: number, work: (connection: Connection) => Promise<T>): Promise<T> {
    return this.#withClient(async (client) => {
      await run(client, 'SELECT pg_advisory_lock($1)', [key]);
      try {
        return await work({
          query: (sql, params = []) => run(client, sql, params),
          transaction: (inner) => inTransaction(client, inner),
        });
      } finally {
        await run(client, 'SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }

  async #withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw asStorageError(error);
    }
    let broken: Error | undefined;
    // A checked-out client whose connection drops between queries emits 'error'; unheard, that
    // would crash the process (the pool listens only while the client is idle).
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      // A connection that failed mid-work is not given back to the pool.
      if (error instanceof StorageUnavailableError) broken ??= error;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

async function inTransaction<T>(client: pg.PoolClient, work: (tx: Queryable) => Promise<T>): Promise<T> {
  await run(client, 'BEGIN', []);
  try {
    const result = await work({ query: (sql, params = []) => run(client, sql, params) });
    await run(client, 'COMMIT', []);
    return result;
  } catch (error) {
    await run(client, 'ROLLBACK', []).catch(() => undefined);
    throw error;
  }
}

async function run<Row extends object>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[],
): Promise<Row[]> {
  try {
    return (await target.query<Row & pg.QueryResultRow>(sql, [...params])).rows;
  } catch (error) {
    throw asStorageError(error);
  }
}
