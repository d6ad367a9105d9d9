import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_UNAVAILABLE_MESSAGE } from '../src/http/error-handler.js';
import {
  ADMIN_PASSWORD,
  Browser,
  memoryLogger,
  signedInBrowser,
  startTestConsole,
  storedAuditEntries,
  storedUsers,
  type ApiResponse,
} from './support/console-harness.js';
import { freshServerUrl } from './support/databases.js';
import { TcpProxy } from './support/tcp-proxy.js';

function expectStorageUnavailable(answer: ApiResponse): void {
  expect(answer.status).toBe(503);
  expect(answer.body).toEqual({
    code: 'StorageUnavailable',
    message: STORAGE_UNAVAILABLE_MESSAGE,
    requestId: answer.headers.get('x-request-id'),
  });
}

describe('a database that goes down under a running console (server, through a proxy the test stops)', () => {
  const { logger, lines } = memoryLogger();
  let proxy: TcpProxy;
  let app: Awaited<ReturnType<typeof startTestConsole>>;
  let admin: Browser;

  beforeAll(async () => {
    const started = await TcpProxy.start(await freshServerUrl());
    proxy = started.proxy;
    app = await startTestConsole({ CONSOLE_DATABASE_URL: started.proxiedUrl, LOG_LEVEL: 'info' }, logger);
    admin = await signedInBrowser(app.url, 'admin', ADMIN_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await proxy.close();
  });

  it('answers 503 StorageUnavailable (never 500) to changes, sign-ins and sessions, and changes nothing', async () => {
    const auditBefore = (await storedAuditEntries(app.db)).length;
    await proxy.refuse();
    try {
      expectStorageUnavailable(
        await admin.post('/api/users', { username: 'ghost', password: 'ghost-password-one', role: 'viewer' }),
      );
      expectStorageUnavailable(await admin.request('PATCH', '/api/users/admin', { role: 'viewer' }));
      expectStorageUnavailable(await new Browser(app.url).login('admin', ADMIN_PASSWORD));
      expectStorageUnavailable(await admin.get('/api/session'));
      expectStorageUnavailable(await admin.request('DELETE', '/api/session'));
    } finally {
      await proxy.forward();
    }
    expect((await storedUsers(app.db)).map((user) => [user.username, user.role])).toEqual([['admin', 'admin']]);
    expect(await storedAuditEntries(app.db)).toHaveLength(auditBefore);
    // The session was not ended by the logout that failed, and the console works again.
    expect((await admin.get('/api/session')).status).toBe(200);
    expect(
      (await admin.post('/api/users', { username: 'ghost', password: 'ghost-password-one', role: 'viewer' })).status,
    ).toBe(201);
    // Logged at error level, without the statements' parameters (the hash of ghost's password).
    const logged = lines.filter((line) => line.includes('database unavailable'));
    expect(logged.length).toBeGreaterThanOrEqual(5);
    expect(logged.every((line) => line.includes('"level":50'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/scrypt\$|ghost-password-one/);
  }, 120_000);
});

/**
 * A trigger makes the audit insert fail as a lost connection does (SQLSTATE 08006), after the
 * user row was written in the same transaction: the whole change must roll back.
 */
const BREAK_AUDIT = `
  CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'connection lost (test)' USING ERRCODE = '08006'; END $$;
  CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_audit();`;
const MEND_AUDIT = 'DROP TRIGGER fail_audit ON audit_entries; DROP FUNCTION fail_audit();';

describe('a user change whose transaction fails half-way (embedded database)', () => {
  let app: Awaited<ReturnType<typeof startTestConsole>>;
  let admin: Browser;

  beforeAll(async () => {
    app = await startTestConsole({ CONSOLE_DATABASE_URL: '' });
    admin = await signedInBrowser(app.url, 'admin', ADMIN_PASSWORD);
    expect(
      (await admin.post('/api/users', { username: 'pat', password: 'pat-password-one', role: 'viewer' })).status,
    ).toBe(201);
  }, 120_000);
  afterAll(() => app.close());

  it('is 503 StorageUnavailable with neither the change nor an audit entry stored', async () => {
    const pat = await signedInBrowser(app.url, 'pat', 'pat-password-one');
    const users = await storedUsers(app.db);
    const audit = await storedAuditEntries(app.db);
    await app.db.query(BREAK_AUDIT);
    try {
      expectStorageUnavailable(
        await admin.post('/api/users', { username: 'quinn', password: 'quinn-password-one', role: 'admin' }),
      );
      expectStorageUnavailable(await admin.request('PATCH', '/api/users/pat', { role: 'operator' }));
      expectStorageUnavailable(await admin.request('PATCH', '/api/users/pat', { password: 'pat-password-two' }));
      expectStorageUnavailable(await admin.request('DELETE', '/api/users/pat'));
      expectStorageUnavailable(
        await pat.request('PUT', '/api/session/password', {
          currentPassword: 'pat-password-one',
          newPassword: 'pat-password-three',
        }),
      );
    } finally {
      await app.db.query(MEND_AUDIT);
    }
    expect(await storedUsers(app.db)).toEqual(users);
    expect(await storedAuditEntries(app.db)).toEqual(audit);
    // Pat's password and sessions are as they were.
    expect((await pat.get('/api/session')).body).toMatchObject({ user: { username: 'pat', role: 'viewer' } });
    expect((await new Browser(app.url).login('pat', 'pat-password-one')).status).toBe(200);
    // With the audit mended, the same change goes through with its entry.
    expect((await admin.request('PATCH', '/api/users/pat', { role: 'operator' })).status).toBe(200);
    expect((await storedAuditEntries(app.db)).at(-1)).toMatchObject({
      user: 'admin',
      action: 'ChangeRole(operator)',
      resourceIds: ['pat'],
    });
  }, 120_000);
});
