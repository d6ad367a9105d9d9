import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKGROUND_HEADER, BACKGROUND_HEADER_VALUE } from '@ecs-console/contract';
import { ADMIN_PASSWORD, Browser, startTestConsole } from './support/console-harness.js';

/**
 * A clock the test moves by hand; the console's sessions read it instead of the system time. The
 * system time (Date) follows it too, so a console that ignored the injected clock would fail here.
 */
let clock = Date.now();
function advance(ms: number): void {
  clock += ms;
  vi.setSystemTime(clock);
}
let app: Awaited<ReturnType<typeof startTestConsole>>;
let admin: Browser;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
  app = await startTestConsole({ CONSOLE_SESSION_IDLE_MINUTES: '1' }, undefined, { now: () => clock });
  admin = new Browser(app.url);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
}, 120_000);
afterAll(async () => {
  vi.useRealTimers();
  await app.close();
});

const background = { [BACKGROUND_HEADER]: BACKGROUND_HEADER_VALUE };

describe('logout', () => {
  it('ends the session: the cookie kept from before answers 401', async () => {
    const browser = new Browser(app.url);
    await browser.login('admin', ADMIN_PASSWORD);
    const kept = browser.cookie;
    expect((await browser.get('/api/regions/cn-hangzhou/instances')).status).toBe(200);
    expect((await browser.request('DELETE', '/api/session')).status).toBe(204);
    const replay = new Browser(app.url);
    replay.cookie = kept;
    expect((await replay.get('/api/session')).status).toBe(401);
    const write = await replay.post('/api/ecs/DescribeRegions');
    expect(write.status).toBe(401);
    expect(write.body.code).toBe('Unauthenticated');
  }, 30_000);

  it('ends only that session, not the user’s others', async () => {
    const first = new Browser(app.url);
    const second = new Browser(app.url);
    await first.login('admin', ADMIN_PASSWORD);
    await second.login('admin', ADMIN_PASSWORD);
    await first.request('DELETE', '/api/session');
    expect((await second.get('/api/session')).status).toBe(200);
  }, 30_000);
});

describe('a deleted user', () => {
  it('does not get the old session back when the same name is created again', async () => {
    const created = await admin.post('/api/users', {
      username: 'phoenix',
      password: 'phoenix-password-1',
      role: 'admin',
    });
    expect(created.status).toBe(201);
    const first = new Browser(app.url);
    expect((await first.login('phoenix', 'phoenix-password-1')).status).toBe(200);
    const old = new Browser(app.url);
    old.cookie = first.cookie;
    expect((await admin.request('DELETE', '/api/users/phoenix')).status).toBe(204);
    expect((await new Browser(app.url).login('phoenix', 'phoenix-password-1')).status).toBe(401);
    // Same name, same password, same role: still a different account.
    expect(
      (await admin.post('/api/users', { username: 'phoenix', password: 'phoenix-password-1', role: 'admin' })).status,
    ).toBe(201);
    expect((await old.get('/api/session')).status).toBe(401);
    old.cookie = first.cookie;
    expect((await old.get('/api/users')).status).toBe(401);
  }, 30_000);
});

describe('idle timeout (CONSOLE_SESSION_IDLE_MINUTES=1)', () => {
  it('keeps an active session alive for as long as it is used', async () => {
    const browser = new Browser(app.url);
    await browser.login('admin', ADMIN_PASSWORD);
    for (let second = 20; second <= 300; second += 20) {
      advance(20_000);
      expect((await browser.get('/api/regions/cn-hangzhou/instances')).status, `at ${second} s`).toBe(200);
    }
  }, 30_000);

  it('does not count background polling as activity', async () => {
    const browser = new Browser(app.url);
    await browser.login('admin', ADMIN_PASSWORD);
    for (let second = 10; second <= 50; second += 10) {
      advance(10_000);
      const poll = await browser.request('GET', '/api/regions/cn-hangzhou/instances', undefined, background);
      expect(poll.status, `at ${second} s`).toBe(200);
    }
    advance(11_000);
    const late = await browser.request('GET', '/api/regions/cn-hangzhou/instances', undefined, background);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('Unauthenticated');
  }, 30_000);

  it('counts a user’s request after polling as activity again', async () => {
    const browser = new Browser(app.url);
    await browser.login('admin', ADMIN_PASSWORD);
    advance(40_000);
    await browser.request('GET', '/api/session', undefined, background);
    expect((await browser.get('/api/users')).status).toBe(200);
    advance(40_000);
    expect((await browser.request('GET', '/api/session', undefined, background)).status).toBe(200);
    advance(30_000);
    expect((await browser.get('/api/session')).status).toBe(401);
  }, 30_000);
});
