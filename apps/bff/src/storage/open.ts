import type { ConsoleConfig } from '../config.js';
import type { Database } from './database.js';
import { openEmbeddedDatabase } from './embedded.js';
import { migrate, STARTUP_LOCK_KEY } from './migrations.js';
import { openServerDatabase } from './server.js';

/**
 * The configured database, migrated: a PostgreSQL server when CONSOLE_DATABASE_URL is set, else
 * PGlite in the data directory. `startup` runs under the same lock right after the migrations, so
 * replicas starting together also do their other first-start work (the first admin, the import of
 * an earlier version's files) one at a time.
 */
export async function openDatabase<T>(
  config: ConsoleConfig,
  startup: (connection: Parameters<Parameters<Database['withLock']>[1]>[0], db: Database) => Promise<T>,
): Promise<{ db: Database; startup: T }> {
  const db = config.CONSOLE_DATABASE_URL
    ? openServerDatabase({
        url: config.CONSOLE_DATABASE_URL,
        poolSize: config.CONSOLE_DATABASE_POOL_SIZE,
        statementTimeoutMs: config.CONSOLE_DATABASE_STATEMENT_TIMEOUT_MS,
        connectTimeoutMs: config.CONSOLE_DATABASE_CONNECT_TIMEOUT_MS,
        ssl: config.CONSOLE_DATABASE_SSL,
        sslCaFile: config.CONSOLE_DATABASE_SSL_CA,
      })
    : await openEmbeddedDatabase(config.CONSOLE_DATA_DIR);
  try {
    const result = await db.withLock(STARTUP_LOCK_KEY, async (connection) => {
      await migrate(connection);
      return startup(connection, db);
    });
    return { db, startup: result };
  } catch (error) {
    await db.close();
    throw error;
  }
}
