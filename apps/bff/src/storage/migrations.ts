import type { Connection, Database } from './database.js';

/**
 * The schema, as numbered steps applied in order, each in its own transaction and recorded in
 * `schema_migrations`. Never edit a released step: add the next one.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'console state',
    sql: `
      CREATE TABLE console_settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        session_version integer NOT NULL DEFAULT 0
      );

      CREATE TABLE revoked_sessions (
        session_id text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);

      CREATE TABLE login_failures (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        reset_at timestamptz NOT NULL
      );
      CREATE INDEX login_failures_reset ON login_failures (reset_at);

      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        time timestamptz NOT NULL,
        username text NOT NULL,
        role text,
        event text NOT NULL,
        action text COLLATE "C",
        region_id text,
        resource_ids text[] NOT NULL DEFAULT '{}',
        params jsonb NOT NULL DEFAULT '{}',
        outcome text NOT NULL,
        code text,
        message text,
        request_id text,
        source_ip text
      );
      -- Keyset pages run newest first on (time, id); each filter has an index in that order.
      CREATE INDEX audit_by_time ON audit_entries (time DESC, id DESC);
      CREATE INDEX audit_by_user ON audit_entries (username, time DESC, id DESC);
      CREATE INDEX audit_by_action ON audit_entries (action, time DESC, id DESC);
      CREATE INDEX audit_by_event ON audit_entries (event, time DESC, id DESC);
      CREATE INDEX audit_by_outcome ON audit_entries (outcome, time DESC, id DESC);
      CREATE INDEX audit_by_resource ON audit_entries USING gin (resource_ids);

      -- Data imported from an earlier version's files, once (see legacy-import.ts).
      CREATE TABLE legacy_imports (
        name text PRIMARY KEY,
        imported_at timestamptz NOT NULL,
        detail jsonb NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** One lock key for all start-up work (migrations, the first admin, the import): any constant. */
export const STARTUP_LOCK_KEY = 0x0ec5_c0de;

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
}

/**
 * Brings the schema up to SCHEMA_VERSION. Call it holding STARTUP_LOCK_KEY, so replicas starting
 * together migrate once. A database at a later version than this code knows stops the start.
 */
export async function migrate(connection: Connection): Promise<{ from: number; to: number }> {
  await connection.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const from = await schemaVersion(connection);
  if (from > SCHEMA_VERSION) {
    throw new DatabaseTooNewError(
      `the database is at schema version ${from}, newer than this console knows (${SCHEMA_VERSION}): it was written by a later release. Run that release (or later), or restore a backup taken before the upgrade.`,
    );
  }
  for (const migration of MIGRATIONS.filter((each) => each.version > from)) {
    await connection.transaction(async (tx) => {
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
  return { from, to: Math.max(from, SCHEMA_VERSION) };
}

export async function schemaVersion(db: Pick<Database, 'query'>): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}
