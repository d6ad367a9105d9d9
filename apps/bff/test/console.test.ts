import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConsole } from '../src/index.js';
import { ADMIN_PASSWORD, Browser, startConsoleWithStaff, storedAuditEntries } from './support/console-harness.js';

let consoleApp: RunningConsole & { dataDir: string };
let admin: Browser;
let operator: Browser;
let viewer: Browser;

beforeAll(async () => {
  ({ app: consoleApp, admin, operator, viewer } = await startConsoleWithStaff());
}, 120_000);
afterAll(() => consoleApp.close());

async function anInstance(status: 'Running' | 'Stopped'): Promise<string> {
  const result = await admin.post('/api/ecs/DescribeInstances', {
    RegionId: 'cn-hangzhou',
    Status: status,
    PageSize: 1,
  });
  const instances = (result.body.Instances as { Instance: { InstanceId: string }[] }).Instance;
  return instances[0]!.InstanceId;
}

describe('sessions', () => {
  it('answers 401 on every API route without a session, except health and login', async () => {
    const anonymous = new Browser(consoleApp.url);
    expect((await anonymous.get('/api/health')).body).toMatchObject({ status: 'ok', ready: true, backend: 'emulator' });
    for (const [method, path] of [
      ['GET', '/api/session'],
      ['GET', '/api/regions/cn-hangzhou/instances'],
      ['GET', '/api/audit'],
      ['POST', '/api/ecs/DescribeRegions'],
    ] as const) {
      const response = await anonymous.request(method, path, method === 'POST' ? {} : undefined);
      expect(response.status, path).toBe(401);
      expect(response.body.code).toBe('Unauthenticated');
    }
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie and says who the user is', async () => {
    const browser = new Browser(consoleApp.url);
    const response = await browser.login('admin', ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ecs_console_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(response.body).toMatchObject({
      user: { username: 'admin', role: 'admin' },
      backend: { kind: 'emulator', defaultRegion: 'cn-hangzhou' },
    });
    expect((await browser.get('/api/session')).body).toMatchObject({ user: { username: 'admin', role: 'admin' } });
  });

  it('refuses a wrong password without saying which part was wrong, and audits it', async () => {
    const browser = new Browser(consoleApp.url);
    const wrong = await browser.login('admin', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'InvalidCredentials' });
    const unknown = await browser.login('nobody', 'whatever-password');
    expect(unknown.body.message).toBe(wrong.body.message);
    const entries = await storedAuditEntries(consoleApp.db);
    expect(entries.some((e) => e.event === 'login' && e.user === 'nobody' && e.outcome === 'failure')).toBe(true);
  }, 90_000);

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const browser = new Browser(consoleApp.url);
    await browser.login('admin', ADMIN_PASSWORD);
    expect((await browser.request('DELETE', '/api/session')).status).toBe(204);
    expect((await browser.get('/api/session')).status).toBe(401);
  });

  it('ends the sessions of a user whose password changes', async () => {
    await consoleApp.users.create('temp', 'temporary-password-1', 'viewer');
    const browser = new Browser(consoleApp.url);
    await browser.login('temp', 'temporary-password-1');
    expect((await browser.get('/api/session')).status).toBe(200);
    expect((await admin.request('PATCH', '/api/users/temp', { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await browser.get('/api/session')).status).toBe(401);
  }, 90_000);
});

describe('CSRF', () => {
  it('refuses a state-changing request without the custom header or from another origin', async () => {
    const noHeader = await admin.post('/api/ecs/DescribeRegions', {}, { 'x-requested-with': '' });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('CsrfCheckFailed');
    const foreign = await admin.post('/api/ecs/DescribeRegions', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });
});

describe('the signing proxy', () => {
  it('calls ECS for an allowed action and returns ECS’s body', async () => {
    const response = await viewer.post('/api/ecs/DescribeRegions');
    expect(response.status).toBe(200);
    expect((response.body.Regions as { Region: unknown[] }).Region.length).toBeGreaterThanOrEqual(4);
    expect(response.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers 404 for an action not in the registry, including the VNC URL one', async () => {
    for (const action of ['RunInstances', 'DescribeInstanceVncUrl', 'constructor', '__proto__']) {
      const response = await admin.post(`/api/ecs/${action}`, { RegionId: 'cn-hangzhou' });
      expect(response.status, action).toBe(404);
      expect(response.body.code).toBe('UnknownAction');
    }
  });

  it('rejects unknown and malformed parameters with a 400 that names them', async () => {
    const unknown = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', Colour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('Colour') as unknown,
    });
    const malformed = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 'ten' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('PageSize');
    const badJson = await fetch(`${consoleApp.url}/api/ecs/DescribeInstances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'ecs-console' },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
  });

  it('enforces roles: a viewer cannot stop an instance, an operator can', async () => {
    const id = await anInstance('Running');
    const denied = await viewer.post('/api/ecs/StopInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('Forbidden');
    const allowed = await operator.post('/api/ecs/StopInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
    expect(allowed.status).toBe(200);
    const deleteDenied = await operator.post('/api/ecs/DeleteInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
    expect(deleteDenied.status).toBe(403);
  });

  it("passes ECS's errors through with its status, code, message and RequestId", async () => {
    const id = await anInstance('Running');
    const response = await operator.post('/api/ecs/StartInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'IncorrectInstanceStatus',
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
    });
    expect(Object.keys(response.body).sort()).toEqual(['code', 'message', 'requestId']);
  });

  it('shows an error injected into ECS with its code and RequestId', async () => {
    consoleApp.backend.emulator!.control.injectError({
      action: 'DescribeZones',
      code: 'ServiceUnavailable.RegionMaintaining',
      httpStatus: 503,
      count: 4,
    });
    const response = await viewer.post('/api/ecs/DescribeZones', { RegionId: 'cn-hangzhou' });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      code: 'ServiceUnavailable.RegionMaintaining',
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
    });
    consoleApp.backend.emulator!.control.reset({ keepState: true });
  });

  it('audits writes with who, what, the outcome and the RequestId, secrets redacted', async () => {
    const id = await anInstance('Stopped');
    await admin.post('/api/ecs/ModifyInstanceAttribute', {
      RegionId: 'cn-hangzhou',
      InstanceId: id,
      Password: 'Secret-Passw0rd!',
      Description: 'audited',
    });
    const entries = await storedAuditEntries(consoleApp.db);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({
      user: 'admin',
      event: 'action',
      action: 'ModifyInstanceAttribute',
      regionId: 'cn-hangzhou',
      resourceIds: [id],
      outcome: 'success',
      params: { InstanceId: id, Password: '[REDACTED]', Description: 'audited' },
    });
    expect(entry.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(JSON.stringify(entries)).not.toContain('Secret-Passw0rd!');
  });
});

describe('fleet reads', () => {
  it('returns every instance of a region in one answer', async () => {
    const count = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 1 });
    const fleet = await viewer.get('/api/regions/cn-hangzhou/instances');
    expect(fleet.status).toBe(200);
    expect(fleet.body.totalCount).toBe(count.body.TotalCount);
    expect((fleet.body.instances as unknown[]).length).toBe(count.body.TotalCount);
    expect((await viewer.get('/api/regions/not_a_region/instances')).status).toBe(400);
  });
});

describe('admin routes', () => {
  it('lets admins manage users and keeps the last admin', async () => {
    const created = await admin.post('/api/users', {
      username: 'new.user',
      password: 'new-user-password',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'new.user', role: 'viewer' });
    expect(created.text).not.toContain('passwordHash');
    expect(
      (await admin.post('/api/users', { username: 'new.user', password: 'new-user-password', role: 'viewer' })).status,
    ).toBe(409);
    expect((await admin.request('PATCH', '/api/users/admin', { role: 'viewer' })).body.code).toBe('LastAdmin');
    expect((await admin.request('DELETE', '/api/users/new.user')).status).toBe(204);
    expect((await admin.post('/api/users', { username: 'x', password: 'short', role: 'root' })).status).toBe(400);
  }, 90_000);

  it('keeps the audit log and user management from non-admins', async () => {
    expect((await operator.get('/api/audit')).status).toBe(403);
    expect((await viewer.get('/api/users')).status).toBe(403);
  });
});

describe('secrets', () => {
  it('never sends the AccessKey secret in any response body or header', () => {
    const secret = consoleApp.backend.emulator!.credentials.accessKeySecret;
    for (const browser of [admin, operator, viewer]) {
      for (const response of browser.seen) {
        expect(response.text).not.toContain(secret);
        expect(JSON.stringify([...response.headers])).not.toContain(secret);
      }
    }
    expect(admin.seen.length).toBeGreaterThan(5);
  });
});
