import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { loadConfig } from '../config.js';
import { EMBEDDED_DIR, openEmbeddedPGlite } from '../storage/embedded.js';

/**
 * `pnpm db:dump > backup.sql`: a plain SQL dump of the embedded database (PGlite) in
 * CONSOLE_DATA_DIR, which `psql` restores into a PostgreSQL server (a backup, or the move from one
 * process to replicas). PGlite is one process's database, so the console must be stopped first:
 * the data directory's lock refuses otherwise.
 */
export async function dumpEmbeddedDatabase(dataDir: string, out: Writable): Promise<void> {
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
    await pipeline(Readable.from(withoutNewerSettings(await dump.text())), out, { end: false });
  } finally {
    await opened.close();
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
  await dumpEmbeddedDatabase(config.CONSOLE_DATA_DIR, process.stdout);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`db:dump: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
