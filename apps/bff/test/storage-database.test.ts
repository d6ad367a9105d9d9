import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { StorageUnavailableError, type Database } from '../src/storage/database.js';
import { openEmbeddedDatabase } from '../src/storage/embedded.js';
import {
  DatabaseTooNewError,
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  schemaVersion,
  STARTUP_LOCK_KEY,
} from '../src/storage/migrations.js';
import { openDatabase } from '../src/storage/open.js';
import { openServerDatabase } from '../src/storage/server.js';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import { closedPort, eachDatabase, freshServerUrl, openMigrated, TEST_SERVER_SETTINGS } from './support/databases.js';

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});
function track<T extends Database>(db: T): T {
  opened.push(db);
  return db;
}

const dataDir = () => mkdtemp(join(tmpdir(), 'ecs-console-storage-'));

describe.each(eachDatabase())('storage on $name', (kind) => {
  /**
   * Five console processes starting at once. On a server each is its own pool (as replicas are);
   * the embedded database belongs to one process, so its five starts share it.
   */
  async function fiveStarts(): Promise<Database[]> {
    if (kind.name === 'pglite') {
      const db = track(await kind.open());
      return [db, db, db, db, db];
    }
    const url = await freshServerUrl();
    return Array.from({ length: 5 }, () => track(openServerDatabase({ url, ...TEST_SERVER_SETTINGS })));
  }

  it('applies each migration once when five starts race for the start-up lock', async () => {
    const starts = await fiveStarts();
    const results = await Promise.all(starts.map((db) => db.withLock(STARTUP_LOCK_KEY, migrate)));

    expect(results.filter((result) => result.from === 0)).toEqual([{ from: 0, to: SCHEMA_VERSION }]);
    expect(results.filter((result) => result.from === SCHEMA_VERSION)).toHaveLength(4);
    const applied = await starts[0]!.query<{ version: number; times: number }>(
      'SELECT version, count(*)::int AS times FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(applied).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version, times: 1 })));
    expect(await schemaVersion(starts[4]!)).toBe(SCHEMA_VERSION);
  });

  it('rolls back everything a transaction wrote when its work throws', async () => {
    const db = track(await openMigrated(kind));
    const failure = new Error('the work failed after two writes');

    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO console_settings (name, value) VALUES ('a', '1')");
        await tx.query(
          "INSERT INTO users (id, username, role, password_hash, created_at) VALUES ('u1', 'ann', 'viewer', 'x', now())",
        );
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await db.query('SELECT count(*)::int AS rows FROM console_settings')).toEqual([{ rows: 0 }]);
    expect(await db.query('SELECT count(*)::int AS rows FROM users')).toEqual([{ rows: 0 }]);
  });

  it('rolls back a transaction whose statement fails, and the database goes on working', async () => {
    const db = track(await openMigrated(kind));
    await db.query("INSERT INTO console_settings (name, value) VALUES ('taken', '1')");

    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO console_settings (name, value) VALUES ('new', '1')");
        await tx.query("INSERT INTO console_settings (name, value) VALUES ('taken', '2')");
      }),
    ).rejects.toMatchObject({ code: '23505' });

    expect(await db.query('SELECT name, value FROM console_settings ORDER BY name')).toEqual([
      { name: 'taken', value: '1' },
    ]);
    // The connection that ran the failed transaction is usable again (on a server: back in the pool).
    await db.transaction((tx) => tx.query("INSERT INTO console_settings (name, value) VALUES ('after', '1')"));
    expect(await db.query("SELECT value FROM console_settings WHERE name = 'after'")).toEqual([{ value: '1' }]);
  });

  it('rolls back a transaction run on the start-up lock connection', async () => {
    const db = track(await openMigrated(kind));
    await expect(
      db.withLock(STARTUP_LOCK_KEY, (connection) =>
        connection.transaction(async (tx) => {
          await tx.query("INSERT INTO console_settings (name, value) VALUES ('locked', '1')");
          throw new Error('start-up work failed');
        }),
      ),
    ).rejects.toThrow('start-up work failed');
    expect(await db.query('SELECT count(*)::int AS rows FROM console_settings')).toEqual([{ rows: 0 }]);
    // The lock was given back: another start can take it.
    await expect(db.withLock(STARTUP_LOCK_KEY, () => Promise.resolve('again'))).resolves.toBe('again');
  });
});

describe('a database written by a later release', () => {
  const tooNew = /schema version 999, newer than this console knows \(1\)/;
  const startup = () => Promise.reject(new Error('start-up work must not run on a database that is too new'));

  it('is refused on a server, naming both versions', async () => {
    const url = await freshServerUrl();
    const db = track(openServerDatabase({ url, ...TEST_SERVER_SETTINGS }));
    await db.withLock(STARTUP_LOCK_KEY, migrate);
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");

    const refusal = openDatabase(loadConfig({ CONSOLE_DATABASE_URL: url, CONSOLE_DATA_DIR: await dataDir() }), startup);
    await expect(refusal).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(refusal).rejects.toThrow(tooNew);
    // Nothing was changed by the refused start.
    expect(await schemaVersion(db)).toBe(999);
  });

  it('is refused in the data directory, naming both versions, and the directory is let go', async () => {
    const dir = await dataDir();
    const db = await openEmbeddedDatabase(dir);
    await db.withLock(STARTUP_LOCK_KEY, migrate);
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await db.close();

    const refusal = openDatabase(loadConfig({ CONSOLE_DATA_DIR: dir }), startup);
    await expect(refusal).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(refusal).rejects.toThrow(tooNew);
    const again = track(await openEmbeddedDatabase(dir));
    expect(await schemaVersion(again)).toBe(999);
  });
});

describe('an unavailable server', () => {
  it('answers StorageUnavailableError at once when nothing listens (not after the connect timeout)', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`;
    // A connect timeout far beyond the test's own timeout: only a refused connection can end it in time.
    const db = track(openServerDatabase({ ...TEST_SERVER_SETTINGS, url, connectTimeoutMs: 120_000 }));

    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(db.withLock(STARTUP_LOCK_KEY, () => Promise.resolve())).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(
      openDatabase(loadConfig({ CONSOLE_DATABASE_URL: url, CONSOLE_DATA_DIR: await dataDir() }), () =>
        Promise.resolve(),
      ),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('a server that stops while in use', () => {
  it('answers StorageUnavailableError while it is down, and works again once it is back', async () => {
    // A private server of this test's own, so stopping it disturbs no other test.
    const server = await startPostgres();
    try {
      const db = track(openServerDatabase({ url: server.url, ...TEST_SERVER_SETTINGS }));
      await db.withLock(STARTUP_LOCK_KEY, migrate);
      await db.query("INSERT INTO console_settings (name, value) VALUES ('before', '1')");

      let insideTransaction: Promise<unknown> | undefined;
      const interrupted = db.transaction(async (tx) => {
        await tx.query("INSERT INTO console_settings (name, value) VALUES ('interrupted', '1')");
        await server.pause();
        insideTransaction = tx.query('SELECT 1');
        return insideTransaction;
      });
      await expect(interrupted).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(StorageUnavailableError);

      await server.restart();
      expect(await db.query('SELECT name FROM console_settings ORDER BY name')).toEqual([{ name: 'before' }]);
      await db.transaction((tx) => tx.query("INSERT INTO console_settings (name, value) VALUES ('after', '1')"));
      expect(await db.query('SELECT count(*)::int AS rows FROM console_settings')).toEqual([{ rows: 2 }]);
    } finally {
      await server.stop();
    }
  });
});

describe('the embedded database in a data directory', () => {
  it('refuses a second open of the same directory, naming it, and opens again after the first closes', async () => {
    const dir = await dataDir();
    const first = await openEmbeddedDatabase(dir);

    const second = openEmbeddedDatabase(dir);
    await expect(second).rejects.toThrow(/is in use by another console process/);
    await expect(second).rejects.toThrow(join(dir, 'db'));
    await expect(second).rejects.toThrow(/CONSOLE_DATABASE_URL/);

    await first.close();
    const reopened = track(await openEmbeddedDatabase(dir));
    expect(await reopened.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('keeps its data across close and reopen', async () => {
    const dir = await dataDir();
    const first = await openEmbeddedDatabase(dir);
    await first.withLock(STARTUP_LOCK_KEY, migrate);
    await first.transaction((tx) =>
      tx.query('INSERT INTO console_settings (name, value) VALUES ($1, $2)', ['kept', 'across restarts']),
    );
    await first.close();

    const reopened = track(await openEmbeddedDatabase(dir));
    expect(await reopened.withLock(STARTUP_LOCK_KEY, migrate)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    expect(await reopened.query('SELECT value FROM console_settings')).toEqual([{ value: 'across restarts' }]);
  });

  it('answers StorageUnavailableError once closed', async () => {
    const db = await openEmbeddedDatabase(await dataDir());
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
