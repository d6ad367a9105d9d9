import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, Browser, signedInBrowser, startTestConsole } from './support/console-harness.js';
import { freshServerUrl } from './support/databases.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('session expiry', () => {
  it('ends a session after the idle time, and after the absolute time even when active', async () => {
    const app = await startTestConsole({ CONSOLE_SESSION_IDLE_MINUTES: '10', CONSOLE_SESSION_MAX_HOURS: '1' });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const start = Date.now();
      const idle = new Browser(app.url);
      await idle.login('admin', ADMIN_PASSWORD);
      vi.setSystemTime(start + 9 * 60_000);
      expect((await idle.get('/api/session')).status).toBe(200);
      vi.setSystemTime(start + 9 * 60_000 + 11 * 60_000);
      expect((await idle.get('/api/session')).status).toBe(401);

      vi.setSystemTime(start);
      const busy = new Browser(app.url);
      await busy.login('admin', ADMIN_PASSWORD);
      for (let minute = 5; minute < 60; minute += 5) {
        vi.setSystemTime(start + minute * 60_000);
        expect((await busy.get('/api/session')).status).toBe(200);
      }
      vi.setSystemTime(start + 61 * 60_000);
      expect((await busy.get('/api/session')).status).toBe(401);
    } finally {
      vi.useRealTimers();
      await app.close();
    }
  }, 120_000);
});

describe('two consoles on one PostgreSQL server', () => {
  it('act as one: a session, a logout, a role change and a deletion on one hold on the other at once', async () => {
    const url = await freshServerUrl();
    const east = await startTestConsole({ CONSOLE_DATABASE_URL: url });
    const west = await startTestConsole({ CONSOLE_DATABASE_URL: url });
    try {
      expect(east.generatedAdminPassword).toBeUndefined();
      const admin = await signedInBrowser(east.url, 'admin', ADMIN_PASSWORD);
      expect(
        (await admin.post('/api/users', { username: 'tess', password: 'tess-password-one', role: 'admin' })).status,
      ).toBe(201);

      // Signed in on the east console; the same cookie is a session on the west one (one key, one table).
      const tess = await signedInBrowser(east.url, 'tess', 'tess-password-one');
      const tessWest = new Browser(west.url);
      tessWest.cookie = tess.cookie;
      expect((await tessWest.get('/api/session')).body).toMatchObject({ user: { username: 'tess', role: 'admin' } });

      // A role change made in the east is the role in the west.
      expect((await admin.request('PATCH', '/api/users/tess', { role: 'viewer' })).status).toBe(200);
      expect((await tessWest.get('/api/session')).body).toMatchObject({ user: { role: 'viewer' } });
      expect((await tessWest.get('/api/users')).status).toBe(403);

      // A logout in the west ends the session in the east.
      const kept = tess.cookie;
      expect((await tessWest.request('DELETE', '/api/session')).status).toBe(204);
      tess.cookie = kept;
      expect((await tess.get('/api/session')).status).toBe(401);

      // A deletion in the west ends the account's sessions in the east.
      const again = await signedInBrowser(east.url, 'tess', 'tess-password-one');
      const adminWest = new Browser(west.url);
      adminWest.cookie = admin.cookie;
      expect((await adminWest.request('DELETE', '/api/users/tess')).status).toBe(204);
      expect((await again.get('/api/session')).status).toBe(401);
      expect((await admin.get('/api/users')).body.users).toEqual([expect.objectContaining({ username: 'admin' })]);
    } finally {
      await Promise.all([east.close(), west.close()]);
    }
  }, 180_000);
});
