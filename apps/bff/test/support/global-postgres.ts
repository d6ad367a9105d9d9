import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../../scripts/postgres-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose user may create databases (see databases.ts). */
    postgresUrl: string;
    /** Prefix of the databases this run creates, so teardown drops only its own. */
    postgresDatabasePrefix: string;
  }
}

/**
 * Vitest globalSetup of the bff project: one PostgreSQL server for the whole run. A private
 * throw-away cluster (scripts/postgres-server.mjs), or CONSOLE_TEST_DATABASE_URL when set (then
 * only the databases this run created are dropped at the end).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prefix = `console_test_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresDatabasePrefix', prefix);
  const external = process.env.CONSOLE_TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return () => dropDatabases(external, prefix);
  }
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

async function dropDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
