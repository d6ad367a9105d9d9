import type { AuditAnswer, StoredAuditEntry } from '@ecs-console/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '../src/audit/audit-store.js';
import { generateRows, insertRows, parseCsv } from './support/audit-entries.js';
import { ADMIN_PASSWORD, Browser, memoryLogger, signedInBrowser, startTestConsole } from './support/console-harness.js';

const { logger, lines } = memoryLogger();
let app: Awaited<ReturnType<typeof startTestConsole>>;
let admin: Browser;
let operator: Browser;
let viewer: Browser;

/** Generated entries beside the console's own: enough for several export batches. */
const GENERATED = 2_300;

beforeAll(async () => {
  app = await startTestConsole({ LOG_LEVEL: 'trace' }, logger);
  admin = await signedInBrowser(app.url, 'admin', ADMIN_PASSWORD);
  await app.users.create('olga', 'operator-password-1', 'operator');
  await app.users.create('vic', 'viewer-password-1', 'viewer');
  operator = await signedInBrowser(app.url, 'olga', 'operator-password-1');
  viewer = await signedInBrowser(app.url, 'vic', 'viewer-password-1');
  await insertRows(app.db, generateRows(GENERATED, 5));
}, 120_000);
afterAll(() => app.close());

async function allPages(browser: Browser, query: string): Promise<StoredAuditEntry[]> {
  const entries: StoredAuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const answer = await browser.get(`/api/audit?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(answer.status, answer.text).toBe(200);
    const page = answer.body as unknown as AuditAnswer;
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe('GET /api/audit', () => {
  it('answers 50 entries newest first by default, and a cursor to the next page', async () => {
    const answer = await admin.get('/api/audit');
    expect(answer.status).toBe(200);
    const page = answer.body as unknown as AuditAnswer;
    expect(page.entries).toHaveLength(50);
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const times = page.entries.map((entry) => entry.time);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages through every entry exactly once with any limit up to 500', async () => {
    const [total] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entries');
    const entries = await allPages(admin, 'limit=500');
    expect(entries).toHaveLength(total!.n);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(total!.n);
    const ids = entries.map((entry) => entry.id);
    expect((await allPages(admin, 'limit=333')).map((entry) => entry.id)).toEqual(ids);
  });

  it('filters by user, action (with its parenthesised forms), event, resource, outcome and time', async () => {
    // A real user change: `ChangeRole(admin)` is found by `ChangeRole`.
    const created = await admin.post('/api/users', {
      username: 'promoted',
      password: 'promoted-user-password-1',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect((await admin.request('PATCH', '/api/users/promoted', { role: 'admin' })).status).toBe(200);
    const changes = await allPages(admin, 'action=ChangeRole&resourceId=promoted&event=user');
    expect(changes).toMatchObject([{ user: 'admin', action: 'ChangeRole(admin)', resourceIds: ['promoted'] }]);

    const logins = await allPages(admin, 'user=olga&event=login&outcome=success');
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ user: 'olga', role: 'operator', event: 'login', outcome: 'success' });

    const from = '2026-01-01T00:01:00.000Z';
    const to = '2026-01-01T00:02:00+00:00';
    const window = await allPages(admin, `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100`);
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((entry) => entry.time >= from && entry.time < '2026-01-01T00:02:00.000Z')).toBe(true);
  });

  it('refuses unknown names, bad values and made-up cursors with 400 InvalidParameter naming them', async () => {
    const cases: [string, RegExp][] = [
      ['?colour=red&size=1', /unknown parameter\(s\): colour, size/],
      ['?limit=0', /limit/],
      ['?limit=501', /limit/],
      ['?limit=ten', /limit/],
      ['?outcome=maybe', /outcome.*"success".*"failure".*"unknown"/],
      ['?event=delete', /event.*"login".*"logout".*"action".*"user"/],
      ['?from=2026-01-01T00:00:00', /from: expected an ISO 8601 time with a zone/],
      ['?to=yesterday', /to: expected an ISO 8601 time/],
      ['?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', /from must be earlier than to/],
      ['?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', /from must be earlier than to/],
      ['?cursor=bm90LWEtY3Vyc29y', /cursor: not a cursor this console handed out/],
      ['?cursor=%F0%9F%98%80', /cursor/],
      ['?user=a&user=b', /user/],
      [`?user=${'u'.repeat(257)}`, /user/],
    ];
    for (const [query, message] of cases) {
      const answer = await admin.get(`/api/audit${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code, query).toBe('InvalidParameter');
      expect(answer.body.message, query).toMatch(message);
      expect(answer.body.requestId).toEqual(expect.any(String));
    }
  });

  it('is for admins only', async () => {
    for (const path of ['/api/audit', '/api/audit/export', '/api/audit/1']) {
      for (const browser of [operator, viewer]) {
        const answer = await browser.get(path);
        expect(answer.status, path).toBe(403);
        expect(answer.body.code).toBe('Forbidden');
      }
      expect((await new Browser(app.url).get(path)).status).toBe(401);
    }
  });
});

describe('GET /api/audit/:id', () => {
  it('answers the entry a page listed, 404 for an unknown id and 400 for a malformed one', async () => {
    const page = (await admin.get('/api/audit?limit=3')).body as unknown as AuditAnswer;
    for (const entry of page.entries) {
      const answer = await admin.get(`/api/audit/${entry.id}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(entry);
    }
    const unknown = await admin.get('/api/audit/987654321');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NotFound');
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      const answer = await admin.get(`/api/audit/${id}`);
      expect(answer.status, id).toBe(400);
      expect(answer.body.code).toBe('InvalidParameter');
    }
    // Past the largest id the column can hold: no such entry.
    expect((await admin.get('/api/audit/9999999999999999999')).status).toBe(404);
  });
});

describe('GET /api/audit/export', () => {
  it('streams the entries as a CSV attachment in batches, as the pages list them', async () => {
    const response = await fetch(`${app.url}/api/audit/export`, {
      headers: { cookie: admin.cookie, 'accept-encoding': 'identity' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{8}T\d{6}Z\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Streamed: sent in chunks as batches are read, with no length known up front.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-length')).toBeNull();
    const [header, ...records] = parseCsv(await response.text());
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const entries = await allPages(admin, 'limit=500');
    expect(entries.length).toBeGreaterThan(1_000);
    expect(records.map((record) => record[0])).toEqual(entries.map((entry) => entry.time));
    expect(records.map((record) => record[9])).toEqual(
      entries.map((entry) =>
        entry.message && /^[=+\-@]/.test(entry.message) ? `'${entry.message}` : (entry.message ?? ''),
      ),
    );
  });

  it('answers a header only when nothing matches, and 400 for the page-only names or a bad filter', async () => {
    const empty = await admin.get('/api/audit/export?user=nobody-at-all');
    expect(empty.status).toBe(200);
    expect(empty.text).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    for (const query of [
      'limit=5',
      'cursor=abc',
      'outcome=maybe',
      'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    ]) {
      const answer = await admin.get(`/api/audit/export?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body.code).toBe('InvalidParameter');
    }
  });
});

describe('secrets in the audit log', () => {
  it('never shows a password given to a user route or a sign-in: not in the pages, the export or the logs', async () => {
    const secrets = {
      created: 'created-Secret-pass-1',
      reset: 'reset-Secret-pass-2',
      own: 'own-Secret-pass-3',
      wrongSignIn: 'wrong-Secret-signin-4',
      wrongCurrent: 'wrong-Secret-current-5',
      instance: 'Instance-Secret-Pa55!',
    };
    expect(
      (await admin.post('/api/users', { username: 'secretive', password: secrets.created, role: 'operator' })).status,
    ).toBe(201);
    expect((await admin.request('PATCH', '/api/users/secretive', { password: secrets.reset })).status).toBe(200);
    expect((await new Browser(app.url).login('secretive', secrets.wrongSignIn)).status).toBe(401);
    const secretive = await signedInBrowser(app.url, 'secretive', secrets.reset);
    const wrong = await secretive.request('PUT', '/api/session/password', {
      currentPassword: secrets.wrongCurrent,
      newPassword: secrets.own,
    });
    expect(wrong.status).toBe(403);
    const own = await secretive.request('PUT', '/api/session/password', {
      currentPassword: secrets.reset,
      newPassword: secrets.own,
    });
    expect(own.status).toBe(204);
    const list = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 1 });
    const instanceId = (list.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
    const modified = await admin.post('/api/ecs/ModifyInstanceAttribute', {
      RegionId: 'cn-hangzhou',
      InstanceId: instanceId,
      Password: secrets.instance,
    });
    expect(modified.status).toBe(200);

    const pages = JSON.stringify(await allPages(admin, 'limit=500'));
    const exported = (await admin.get('/api/audit/export')).text;
    const entries = await allPages(admin, 'resourceId=secretive');
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'ChangeOwnPassword',
      'ChangeOwnPassword',
      'ChangePassword',
      'CreateUser(operator)',
    ]);
    const [modifiedEntry] = await allPages(admin, `action=ModifyInstanceAttribute&resourceId=${instanceId}`);
    expect(modifiedEntry!.params).toMatchObject({ InstanceId: instanceId, Password: '[REDACTED]' });
    const [failedSignIn] = await allPages(admin, 'user=secretive&event=login&outcome=failure');
    expect(failedSignIn).toMatchObject({ code: 'InvalidCredentials', message: expect.any(String) as unknown });
    const logs = lines.join('');
    for (const secret of Object.values(secrets)) {
      expect(pages, secret).not.toContain(secret);
      expect(exported, secret).not.toContain(secret);
      expect(logs, secret).not.toContain(secret);
    }
  });
});
