import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, Browser, startTestConsole, storedAuditEntries } from './support/console-harness.js';
import { freshServerUrl } from './support/databases.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('login throttling per account', () => {
  it('evaluates at most ten guesses against one account from five addresses, and cools down', async () => {
    const app = await startTestConsole({ CONSOLE_TRUST_PROXY: '1' });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const start = Date.now();
      const addresses = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5'];
      const statuses: number[] = [];
      for (let guess = 0; guess < 50; guess++) {
        const browser = new Browser(app.url);
        const answer = await browser.request(
          'POST',
          '/api/session',
          { username: 'admin', password: `guess-number-${guess}` },
          { 'x-forwarded-for': addresses[guess % addresses.length]! },
        );
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.body.code).toBe('TooManyLoginAttempts');
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      }
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40);
      const evaluated = (await storedAuditEntries(app.db)).filter((entry) => entry.event === 'login');
      expect(evaluated).toHaveLength(10);

      // The right password is refused too while the account cools down; another account is not.
      const blocked = await new Browser(app.url).request(
        'POST',
        '/api/session',
        { username: 'admin', password: ADMIN_PASSWORD },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(blocked.status).toBe(429);
      const other = await new Browser(app.url).request(
        'POST',
        '/api/session',
        { username: 'someone-else', password: 'not-their-password' },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(other.status).toBe(401);

      vi.setSystemTime(start + 16 * 60_000);
      const later = await new Browser(app.url).request(
        'POST',
        '/api/session',
        { username: 'admin', password: ADMIN_PASSWORD },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(later.status).toBe(200);
    } finally {
      vi.useRealTimers();
      await app.close();
    }
  }, 120_000);

  it('does not count successful sign-ins', async () => {
    const app = await startTestConsole({ CONSOLE_TRUST_PROXY: '1' });
    try {
      for (let i = 0; i < 11; i++) {
        const answer = await new Browser(app.url).request(
          'POST',
          '/api/session',
          { username: 'admin', password: ADMIN_PASSWORD },
          { 'x-forwarded-for': `192.0.2.${i}` },
        );
        expect(answer.status).toBe(200);
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('login throttling across replicas', () => {
  it('counts the failures two consoles on one PostgreSQL server see together', async () => {
    const url = await freshServerUrl();
    let clock = Date.now();
    const consoles = [
      await startTestConsole({ CONSOLE_DATABASE_URL: url }, undefined, { now: () => clock }),
      await startTestConsole({ CONSOLE_DATABASE_URL: url }, undefined, { now: () => clock }),
    ];
    try {
      const statuses: number[] = [];
      for (let guess = 0; guess < 14; guess++) {
        const answer = await new Browser(consoles[guess % 2]!.url).login('admin', `guess-number-${guess}`);
        statuses.push(answer.status);
      }
      // Ten failures in all are evaluated, whichever console they reached; then both refuse.
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
      // The consoles' clock, not the wall clock, ends the window.
      clock += 16 * 60_000;
      expect((await new Browser(consoles[1]!.url).login('admin', ADMIN_PASSWORD)).status).toBe(200);
    } finally {
      await Promise.all(consoles.map((each) => each.close()));
    }
  }, 180_000);
});
