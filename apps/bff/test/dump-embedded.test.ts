import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEntry } from '../src/audit/audit-store.js';
import type { Database } from '../src/storage/database.js';
import { openEmbeddedDatabase } from '../src/storage/embedded.js';
import { migrate, SCHEMA_VERSION, schemaVersion, STARTUP_LOCK_KEY } from '../src/storage/migrations.js';
import { openServerDatabase } from '../src/storage/server.js';
import { dumpEmbeddedDatabase, dumpEmbeddedDatabaseToFile } from '../src/tools/dump-embedded.js';
import { freshServerUrl, TEST_SERVER_SETTINGS } from './support/databases.js';

const run = promisify(execFile);

/** Restores a dump as README says: `psql $URL < backup.sql` (stopping at the first error). */
async function restore(url: string, dump: string): Promise<void> {
  const psql = run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url]);
  psql.child.stdin?.end(dump);
  await psql;
}

async function populate(db: Database): Promise<void> {
  await db.withLock(STARTUP_LOCK_KEY, migrate);
  await db.query(
    `INSERT INTO users (id, username, role, password_hash, created_at, session_version)
     VALUES ('u-1', 'admin', 'admin', 'scrypt$admin-hash', '2026-01-02T03:04:05Z', 2),
            ('u-2', 'olga', 'operator', 'scrypt$olga-hash', '2026-02-03T04:05:06Z', 0)`,
  );
  await insertAuditEntry(
    db,
    { user: 'admin', role: 'admin', event: 'login', resourceIds: [], params: {}, outcome: 'success' },
    new Date('2026-03-01T10:00:00Z'),
  );
  await insertAuditEntry(
    db,
    {
      user: 'olga',
      role: 'operator',
      event: 'action',
      action: 'StopInstance',
      regionId: 'cn-hangzhou',
      resourceIds: ['i-abc', 'i-def'],
      params: { ForceStop: true, Note: 'it\'s "quoted"\nand multi-line' },
      outcome: 'failure',
      code: 'IncorrectInstanceStatus',
      message: 'The current status of the resource does not support this operation.',
      requestId: 'REQ-1',
      sourceIp: '10.0.0.7',
    },
    new Date('2026-03-01T10:05:00.123Z'),
  );
}

describe('pnpm db:dump (dump-embedded)', () => {
  /** A console's data directory with a populated embedded database (creating one takes seconds: made once). */
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dump-embedded-'));
    const embedded = await openEmbeddedDatabase(dataDir);
    try {
      await populate(embedded);
    } finally {
      await embedded.close();
    }
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes SQL that psql restores into a PostgreSQL server: users, audit entries and the schema version', async () => {
    const dump = await dumpEmbeddedDatabase(dataDir);
    expect(dump).toContain('CREATE TABLE public.audit_entries');
    expect(dump).not.toMatch(/OWNER TO|GRANT /);

    const url = await freshServerUrl();
    await restore(url, dump);
    const server = openServerDatabase({ url, ...TEST_SERVER_SETTINGS });
    try {
      expect(await schemaVersion(server)).toBe(SCHEMA_VERSION);
      expect(await server.withLock(STARTUP_LOCK_KEY, migrate)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
      expect(
        await server.query(
          'SELECT id, username, role, password_hash, created_at, session_version FROM users ORDER BY username',
        ),
      ).toEqual([
        {
          id: 'u-1',
          username: 'admin',
          role: 'admin',
          password_hash: 'scrypt$admin-hash',
          created_at: new Date('2026-01-02T03:04:05Z'),
          session_version: 2,
        },
        {
          id: 'u-2',
          username: 'olga',
          role: 'operator',
          password_hash: 'scrypt$olga-hash',
          created_at: new Date('2026-02-03T04:05:06Z'),
          session_version: 0,
        },
      ]);
      const entries = await server.query(
        `SELECT id::text, time, username, event, action, resource_ids, params, outcome, code, message, request_id, source_ip
         FROM audit_entries ORDER BY id`,
      );
      expect(entries).toEqual([
        expect.objectContaining({ id: '1', username: 'admin', event: 'login', outcome: 'success', action: null }),
        {
          id: '2',
          time: new Date('2026-03-01T10:05:00.123Z'),
          username: 'olga',
          event: 'action',
          action: 'StopInstance',
          resource_ids: ['i-abc', 'i-def'],
          params: { ForceStop: true, Note: 'it\'s "quoted"\nand multi-line' },
          outcome: 'failure',
          code: 'IncorrectInstanceStatus',
          message: 'The current status of the resource does not support this operation.',
          request_id: 'REQ-1',
          source_ip: '10.0.0.7',
        },
      ]);
      // The identity sequence came along: new entries continue after the restored ones.
      await insertAuditEntry(server, {
        user: 'admin',
        event: 'logout',
        resourceIds: [],
        params: {},
        outcome: 'success',
      });
      expect(await server.query('SELECT max(id)::text AS id FROM audit_entries')).toEqual([{ id: '3' }]);
    } finally {
      await server.close();
    }
  });

  it('refuses while a console has the embedded database open, and says to stop it first', async () => {
    const running = await openEmbeddedDatabase(dataDir);
    try {
      await expect(dumpEmbeddedDatabase(dataDir)).rejects.toThrow(
        /in use by another console process.*Stop the console/s,
      );
    } finally {
      await running.close();
    }
    // Once it is closed the dump works.
    expect(await dumpEmbeddedDatabase(dataDir)).toContain('INSERT INTO public.users');
  });

  it('writes a file only its owner can read, and no file when the dump fails', async () => {
    const backups = await mkdtemp(join(tmpdir(), 'dump-embedded-files-'));
    try {
      const path = join(backups, 'backup.sql');
      await dumpEmbeddedDatabaseToFile(dataDir, path);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).toContain('INSERT INTO public.audit_entries');

      const running = await openEmbeddedDatabase(dataDir);
      try {
        await expect(dumpEmbeddedDatabaseToFile(dataDir, join(backups, 'later.sql'))).rejects.toThrow(
          /Stop the console/,
        );
      } finally {
        await running.close();
      }
      expect(await readdir(backups)).toEqual(['backup.sql']);
    } finally {
      await rm(backups, { recursive: true, force: true });
    }
  });

  it('refuses a data directory without an embedded database instead of creating one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'dump-embedded-empty-'));
    try {
      await expect(dumpEmbeddedDatabase(empty)).rejects.toThrow(/no embedded database in .*db/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
