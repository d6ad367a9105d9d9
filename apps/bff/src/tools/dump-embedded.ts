import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { loadConfig } from '../config.js';
import { EMBEDDED_DIR, openEmbeddedPGlite } from '../storage/embedded.js';

/**
 * `pnpm db:dump backup.sql` (or `pnpm -s db:dump > backup.sql`; without `-s` pnpm's own banner
 * lines would start the file): a plain SQL dump of the embedded database (PGlite) in
 * CONSOLE_DATA_DIR, which `psql` restores into a PostgreSQL server (a backup, or the move from one
 * process to replicas). PGlite is one process's database, so the console must be stopped first:
 * the data directory's lock refuses otherwise.
 */
export async function dumpEmbeddedDatabase(dataDir: string): Promise<string> {
  if (!existsSync(join(dataDir, EMBEDDED_DIR, 'PG_VERSION'))) {
    throw new Error(`there is no embedded database in ${join(dataDir, EMBEDDED_DIR)} (is CONSOLE_DATA_DIR right?)`);
  }
  let opened: Awaited<ReturnType<typeof openEmbeddedPGlite>>;
  try {
    opened = await openEmbeddedPGlite(dataDir);
  } catch (error) {
    throw new Error(`${(error as Error).message}. Stop the console, then dump.`, { cause: error });
  }
  try {
    // Without owners and grants, so it restores as whichever user runs psql on the server.
    const dump = await pgDump({ pg: opened.pg, args: ['--no-owner', '--no-privileges'] });
    return withoutNewerSettings(await dump.text());
  } finally {
    await opened.close();
  }
}

/**
 * The dump into the file `path`, readable by its owner only (it holds password hashes and the
 * session key). Written beside it first and renamed when complete, so a failed dump leaves no file
 * that looks like a backup.
 */
export async function dumpEmbeddedDatabaseToFile(dataDir: string, path: string): Promise<void> {
  const sql = await dumpEmbeddedDatabase(dataDir);
  const partial = `${path}.partial`;
  try {
    await rm(partial, { force: true });
    await writeFile(partial, sql, { mode: 0o600, flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * PGlite's pg_dump is PostgreSQL 18's: it sets `transaction_timeout` (PostgreSQL 17+) to its
 * default, which older servers reject with an error. Leaving it out changes nothing.
 */
function withoutNewerSettings(sql: string): string {
  return sql.replace(/^SET transaction_timeout = 0;\n/m, '');
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.CONSOLE_DATABASE_URL) {
    throw new Error('CONSOLE_DATABASE_URL is set: this console uses a PostgreSQL server; back it up with pg_dump');
  }
  const [path] = process.argv.slice(2);
  if (path) {
    await dumpEmbeddedDatabaseToFile(config.CONSOLE_DATA_DIR, path);
    process.stderr.write(`db:dump: wrote ${path}\n`);
  } else {
    const sql = await dumpEmbeddedDatabase(config.CONSOLE_DATA_DIR);
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(sql, (error) => (error ? reject(error) : resolve())),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`db:dump: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
