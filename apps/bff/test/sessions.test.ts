import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, Browser, startTestConsole } from './support/console-harness.js';

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
  }, 30_000);
});
