import { appendFile, copyFile, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditEntry } from '@ecs-console/contract';
import { sealData } from 'iron-session';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entryOf, type AuditRow } from '../src/audit/audit-query.js';
import { verifyPassword } from '../src/auth/passwords.js';
import type { Connection, Database } from '../src/storage/database.js';
import {
  importLegacyData,
  IMPORTED_SUFFIX,
  LEGACY_FILES,
  LegacyImportError,
  type LegacyImportCounts,
} from '../src/storage/legacy-import.js';
import { ADMIN_PASSWORD, Browser, memoryLogger, startTestConsole } from './support/console-harness.js';
import { eachDatabase, openMigrated } from './support/databases.js';

const FIXTURE = fileURLToPath(new URL('fixtures/data-0.1.0/', import.meta.url));
const FILES = Object.values(LEGACY_FILES);

interface FixtureUser {
  id?: string;
  username: string;
  role: string;
  passwordHash: string;
  createdAt: string;
  sessionVersion: number;
}

const fixtureUsers = (JSON.parse(await readFile(join(FIXTURE, 'users.json'), 'utf8')) as { users: FixtureUser[] })
  .users;
const fixtureAudit = (await readFile(join(FIXTURE, 'audit.jsonl'), 'utf8'))
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as AuditEntry);
const fixtureRevoked = Object.entries(
  (JSON.parse(await readFile(join(FIXTURE, 'revoked-sessions.json'), 'utf8')) as { revoked: Record<string, number> })
    .revoked,
);
const fixtureKey = (await readFile(join(FIXTURE, 'session-key'), 'utf8')).trim();
const passwords = JSON.parse(await readFile(join(FIXTURE, 'passwords.json'), 'utf8')) as Record<string, string>;
/** Before every revocation of the fixture expires (they last 12 hours from their sign-in). */
const beforeExpiries = () => new Date(Math.min(...fixtureRevoked.map(([, until]) => until)) - 60_000);
const DAMAGED_LINE = '{"time":"2026-12-01T10:02:00.000Z","event":"login","user":"cut-off-secret-do-not-log","res';

/** A temp data directory with the fixture's four files (and `audit.jsonl` with a damaged last line). */
async function dataDirFromFixture({ damaged = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ecs-legacy-'));
  for (const name of FILES) await copyFile(join(FIXTURE, name), join(dir, name));
  if (damaged) await appendFile(join(dir, LEGACY_FILES.audit), `${DAMAGED_LINE}\n`);
  return dir;
}

/** The stored entries in id order, in the file's shape (the store's own row mapping, without the id). */
async function storedAudit(db: Database): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>('SELECT * FROM audit_entries ORDER BY id');
  return rows.map((row) => {
    const { id, ...entry } = entryOf(row);
    expect(id).toBeTruthy();
    return entry;
  });
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}

describe.each(eachDatabase())('importing the files of 0.1.0 ($name)', (kind) => {
  // One database per kind, emptied before each test (a new PGlite per test is slow to start; on a
  // loaded machine even one start can take longer than the default hook limit).
  let db: Database;
  beforeAll(async () => {
    db = await openMigrated(kind);
  }, 120_000);
  beforeEach(async () => {
    await db.query(
      'TRUNCATE users, audit_entries, revoked_sessions, login_failures, console_settings, legacy_imports RESTART IDENTITY',
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it('imports users, audit entries, the session key and live revocations as 0.1.0 left them', async () => {
    const dir = await dataDirFromFixture();
    const { logger, lines } = memoryLogger();

    const counts = await importLegacyData(db, dir, logger, { now: beforeExpiries });

    expect(counts).toEqual({
      users: fixtureUsers.length,
      auditEntries: fixtureAudit.length,
      skippedLines: 1,
      revokedSessions: fixtureRevoked.length,
    } satisfies LegacyImportCounts);

    const users = await db.query<{
      id: string;
      username: string;
      role: string;
      password_hash: string;
      created_at: Date;
      session_version: number;
    }>('SELECT * FROM users ORDER BY created_at');
    expect(
      users.map((user) => ({
        id: user.id,
        username: user.username,
        role: user.role,
        passwordHash: user.password_hash,
        createdAt: user.created_at.toISOString(),
        sessionVersion: user.session_version,
      })),
    ).toEqual(fixtureUsers);
    const verified = await Promise.all(
      Object.entries(passwords).map(async ([username, password]) => {
        const user = users.find((each) => each.username === username);
        return [username, await verifyPassword(password, user!.password_hash)] as const;
      }),
    );
    expect(verified).toEqual(Object.keys(passwords).map((username) => [username, true]));

    expect(await storedAudit(db)).toEqual(fixtureAudit);

    const revoked = await db.query<{ session_id: string; expires_at: Date }>(
      'SELECT session_id, expires_at FROM revoked_sessions ORDER BY session_id',
    );
    expect(revoked.map((row) => [row.session_id, row.expires_at.getTime()])).toEqual(
      [...fixtureRevoked].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    expect(await db.query('SELECT value FROM console_settings WHERE name = $1', ['session_secret'])).toEqual([
      { value: fixtureKey },
    ]);
    const [marker] = await db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM legacy_imports WHERE name = '0.1.0-files'",
    );
    expect(marker!.detail).toMatchObject({ ...counts, files: FILES });

    // Renamed beside the data, content unchanged; nothing deleted.
    expect((await readdir(dir)).sort()).toEqual(FILES.map((name) => `${name}${IMPORTED_SUFFIX}`).sort());
    for (const name of FILES.filter((each) => each !== LEGACY_FILES.audit)) {
      expect(await readFile(join(dir, `${name}${IMPORTED_SUFFIX}`), 'utf8')).toBe(
        await readFile(join(FIXTURE, name), 'utf8'),
      );
    }
    expect(await readFile(join(dir, `${LEGACY_FILES.audit}${IMPORTED_SUFFIX}`), 'utf8')).toBe(
      `${await readFile(join(FIXTURE, LEGACY_FILES.audit), 'utf8')}${DAMAGED_LINE}\n`,
    );

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 40, skippedLines: 1, lineNumbers: [fixtureAudit.length + 1] }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: `imported ${fixtureUsers.length} users and ${fixtureAudit.length} audit entries from 0.1.0 files (1 damaged lines skipped); the files are kept as *.imported-0.1.0`,
      }),
    );
    const log = lines.join('');
    expect(log).not.toContain('cut-off-secret-do-not-log');
    expect(log).not.toContain(fixtureKey);
    for (const user of fixtureUsers) expect(log).not.toContain(user.passwordHash);
  });

  it('imports nothing a second time', async () => {
    const dir = await dataDirFromFixture();
    await importLegacyData(db, dir, memoryLogger().logger, { now: beforeExpiries });

    expect(await importLegacyData(db, dir, memoryLogger().logger, { now: beforeExpiries })).toBeUndefined();

    expect(await count(db, 'users')).toBe(fixtureUsers.length);
    expect(await count(db, 'audit_entries')).toBe(fixtureAudit.length);
  });

  it('imports nothing twice when the files are still there after the commit (a crash before the renames)', async () => {
    const dir = await dataDirFromFixture();
    await importLegacyData(db, dir, memoryLogger().logger, { now: beforeExpiries });
    // As if the process had died between the commit and the renames: the files are back.
    for (const name of FILES) await copyFile(join(dir, `${name}${IMPORTED_SUFFIX}`), join(dir, name));
    const { logger, lines } = memoryLogger();

    expect(await importLegacyData(db, dir, logger, { now: beforeExpiries })).toBeUndefined();

    expect(await count(db, 'users')).toBe(fixtureUsers.length);
    expect(await count(db, 'audit_entries')).toBe(fixtureAudit.length);
    expect(await count(db, 'revoked_sessions')).toBe(fixtureRevoked.length);
    // The leftovers are renamed too, beside the first copies (never over them).
    expect((await readdir(dir)).sort()).toEqual(
      FILES.flatMap((name) => [`${name}${IMPORTED_SUFFIX}`, `${name}${IMPORTED_SUFFIX}.2`]).sort(),
    );
    expect(lines.join('')).toContain('were imported before');
  });

  it('leaves out revocations that have expired', async () => {
    const dir = await dataDirFromFixture();
    const sorted = fixtureRevoked.map(([, until]) => until).sort((a, b) => a - b);
    const between = new Date(sorted[0]! + 1);

    const counts = await importLegacyData(db, dir, memoryLogger().logger, { now: () => between });

    expect(counts?.revokedSessions).toBe(sorted.filter((until) => until > between.getTime()).length);
    expect(await count(db, 'revoked_sessions')).toBe(counts?.revokedSessions);
  });

  it('gives accounts of a file from before ids one each', async () => {
    const dir = await dataDirFromFixture({ damaged: false });
    const withoutIds = fixtureUsers.map(({ id: _id, ...user }) => user);
    await writeFile(join(dir, LEGACY_FILES.users), JSON.stringify({ users: withoutIds }));

    await importLegacyData(db, dir, memoryLogger().logger);

    const rows = await db.query<{ id: string; username: string }>('SELECT id, username FROM users');
    expect(rows.map((row) => row.username).sort()).toEqual(withoutIds.map((user) => user.username).sort());
    expect(new Set(rows.map((row) => row.id)).size).toBe(withoutIds.length);
    expect(rows.every((row) => row.id.length > 0 && !fixtureUsers.some((user) => user.id === row.id))).toBe(true);
  });

  it('imports whichever files there are', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecs-legacy-'));
    expect(await importLegacyData(db, dir, memoryLogger().logger)).toBeUndefined();
    await copyFile(join(FIXTURE, LEGACY_FILES.audit), join(dir, LEGACY_FILES.audit));

    expect(await importLegacyData(db, dir, memoryLogger().logger)).toEqual({
      users: 0,
      auditEntries: fixtureAudit.length,
      skippedLines: 0,
      revokedSessions: 0,
    });
    expect(await readdir(dir)).toEqual([`${LEGACY_FILES.audit}${IMPORTED_SUFFIX}`]);
    expect(await count(db, 'users')).toBe(0);
  });

  it('keeps the order of a file longer than one batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecs-legacy-'));
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    // Equal times in places, so only the ids can keep the file's order.
    const entries = Array.from({ length: 1_234 }, (_, index) => ({
      time: new Date(base + Math.floor(index / 3)).toISOString(),
      event: 'action',
      action: 'StartInstance',
      regionId: 'cn-hangzhou',
      resourceIds: [`i-${index}`],
      params: { InstanceId: `i-${index}`, nested: { n: index } },
      outcome: 'success',
      requestId: `R-${index}`,
      user: 'olga',
      role: 'operator',
      sourceIp: '10.0.0.1',
    }));
    const text = entries.map((entry) => JSON.stringify(entry)).join('\n');
    await writeFile(
      join(dir, LEGACY_FILES.audit),
      `${text}\n{"truncated\nnot json at all\n\n${JSON.stringify({ time: 'x' })}\n`,
    );
    const { logger, lines } = memoryLogger();
    // The statements the import runs in its transaction, to see the batches.
    const statements: string[] = [];
    const counting: Connection = {
      query: (sql, params) => db.query(sql, params),
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query: (sql, params) => {
              statements.push(sql);
              return tx.query(sql, params);
            },
          }),
        ),
    };

    const counts = await importLegacyData(counting, dir, logger);

    expect(counts).toMatchObject({ auditEntries: entries.length, skippedLines: 3 });
    expect(statements.filter((sql) => sql.includes('INSERT INTO audit_entries'))).toHaveLength(3);
    expect(await storedAudit(db)).toEqual(entries);
    expect(lines.join('')).toContain(
      `"lineNumbers":[${entries.length + 1},${entries.length + 2},${entries.length + 4}]`,
    );
  });

  it('refuses accounts whose names the database has already, importing nothing', async () => {
    await db.query(
      "INSERT INTO users (id, username, role, password_hash, created_at) VALUES ('fresh-admin', 'admin', 'admin', 'x', now())",
    );
    const dir = await dataDirFromFixture();

    const failure = importLegacyData(db, dir, memoryLogger().logger, { now: beforeExpiries });

    await expect(failure).rejects.toThrow(LegacyImportError);
    await expect(failure).rejects.toThrow(/already has users named admin\b.*empty database.*move users\.json/);
    expect(await count(db, 'users')).toBe(1);
    expect(await count(db, 'audit_entries')).toBe(0);
    expect(await count(db, 'legacy_imports')).toBe(0);
    expect(await count(db, 'console_settings')).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([...FILES].sort());

    // With users.json moved out of the data directory, the rest is imported.
    await rename(join(dir, LEGACY_FILES.users), join(await mkdtemp(join(tmpdir(), 'ecs-moved-')), LEGACY_FILES.users));
    expect(await importLegacyData(db, dir, memoryLogger().logger, { now: beforeExpiries })).toMatchObject({
      users: 0,
      auditEntries: fixtureAudit.length,
    });
  });

  it('adds accounts with other names to the users the database has, with a warning', async () => {
    await db.query(
      "INSERT INTO users (id, username, role, password_hash, created_at) VALUES ('fresh-root', 'root', 'admin', 'x', now())",
    );
    const dir = await dataDirFromFixture();
    const { logger, lines } = memoryLogger();

    expect(await importLegacyData(db, dir, logger)).toMatchObject({ users: fixtureUsers.length });

    expect(await count(db, 'users')).toBe(fixtureUsers.length + 1);
    expect(lines.join('')).toContain('the database had users before the import');
  });

  it('keeps a session key the database has, and says that 0.1.0 cookies stop working', async () => {
    await db.query(
      "INSERT INTO console_settings (name, value) VALUES ('session_secret', 'a-key-of-the-new-version-0123456789')",
    );
    const { logger, lines } = memoryLogger();

    await importLegacyData(db, await dataDirFromFixture(), logger);

    expect(await db.query("SELECT value FROM console_settings WHERE name = 'session_secret'")).toEqual([
      { value: 'a-key-of-the-new-version-0123456789' },
    ]);
    expect(lines.join('')).toContain('cookies issued by 0.1.0 no longer work');
  });

  it('refuses a users.json it cannot read, without quoting it', async () => {
    const dir = await dataDirFromFixture();
    const text = await readFile(join(dir, LEGACY_FILES.users), 'utf8');
    await writeFile(join(dir, LEGACY_FILES.users), text.slice(0, text.indexOf('scrypt') + 20));

    const failure = importLegacyData(db, dir, memoryLogger().logger);

    await expect(failure).rejects.toThrow(LegacyImportError);
    await expect(failure).rejects.toThrow(/cannot be imported \(not JSON\)/);
    await expect(failure).rejects.not.toThrow(/scrypt/);
    expect(await count(db, 'legacy_imports')).toBe(0);
  });
});

describe('the upgraded console on a 0.1.0 data directory', () => {
  // A whole console start and several scrypt checks: a wide limit for a loaded machine.
  it("signs in 0.1.0's users with their passwords, accepts 0.1.0's cookies and shows 0.1.0's audit log", async () => {
    const dir = await dataDirFromFixture();
    // The clock before 0.1.0's revocations expire, so they are imported and still count.
    const now = beforeExpiries().getTime();
    const app = await startTestConsole({ CONSOLE_DATA_DIR: dir }, undefined, { now: () => now });
    try {
      // The harness's CONSOLE_ADMIN_PASSWORD does not replace the imported admin's.
      expect((await new Browser(app.url).login('admin', ADMIN_PASSWORD)).status).toBe(401);
      const admin = new Browser(app.url);
      expect((await admin.login('admin', passwords.admin!)).status).toBe(200);
      const olga = new Browser(app.url);
      expect((await olga.login('olga', passwords.olga!)).status).toBe(200);

      const listed = await admin.get('/api/users');
      expect(listed.status).toBe(200);
      const names = (listed.body.users as { username: string; role: string; createdAt: string }[]).map((user) => user);
      expect(names).toEqual(
        expect.arrayContaining(
          fixtureUsers.map((user) => ({ username: user.username, role: user.role, createdAt: user.createdAt })),
        ),
      );
      expect(names).toHaveLength(fixtureUsers.length);

      const audit = await admin.get('/api/audit?limit=500');
      expect(audit.status).toBe(200);
      const lastImported = fixtureAudit.at(-1)!.time;
      const imported = (audit.body.entries as (AuditEntry & { id: string })[])
        .filter((entry) => entry.time <= lastImported)
        .map(({ id: _id, ...entry }) => entry)
        .reverse();
      expect(imported).toEqual(fixtureAudit);

      // Cookies sealed with 0.1.0's session-key as 0.1.0 sealed them (its own expired long ago).
      const cookieOf = async (username: string, sid: string) => {
        const account = fixtureUsers.find((user) => user.username === username)!;
        const data = { sid, accountId: account.id, version: account.sessionVersion, issuedAt: now, lastSeenAt: now };
        const old = new Browser(app.url);
        old.cookie = `ecs_console_session=${await sealData(data, { password: fixtureKey, ttl: 12 * 3600 + 60 })}`;
        return old;
      };
      const session = await (await cookieOf('olga', 'a-session-of-version-0-1-0')).get('/api/session');
      expect(session.status).toBe(200);
      expect(session.body.user).toEqual({ username: 'olga', role: 'operator' });
      // A session 0.1.0 revoked (a logout) stays revoked.
      expect((await (await cookieOf('vic', fixtureRevoked[0]![0])).get('/api/session')).status).toBe(401);
    } finally {
      await app.close();
    }
    expect((await readdir(dir)).filter((name) => name.endsWith(IMPORTED_SUFFIX)).sort()).toEqual(
      FILES.map((name) => `${name}${IMPORTED_SUFFIX}`).sort(),
    );
  }, 120_000);
});
