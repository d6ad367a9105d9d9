import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@ecs-console/contract';
import { ConfigError, loadConfig } from '../src/index.js';
import { hashPassword } from '../src/auth/passwords.js';
import { ADMIN_PASSWORD, Browser, startConsoleAsAdmin, storedAuditEntries } from './support/console-harness.js';

let app: Awaited<ReturnType<typeof startConsoleAsAdmin>>['app'];
let admin: Browser;

beforeAll(async () => {
  ({ app, admin } = await startConsoleAsAdmin());
}, 120_000);
afterAll(() => app.close());

const WEAK = ['password1234', ' '.repeat(12), '\t \n '.repeat(4), 'short-one', '123456789012', 'qwertyuiop12'];

describe('password policy', () => {
  it('refuses short, blank and common passwords on user creation and reset with 400 WeakPassword', async () => {
    for (const password of WEAK) {
      const created = await admin.post('/api/users', { username: 'weakling', password, role: 'viewer' });
      expect(created.status, JSON.stringify(password)).toBe(400);
      expect(created.body.code).toBe('WeakPassword');
      expect(created.body.message).toMatch(/password/i);
      const reset = await admin.request('PATCH', '/api/users/admin', { password });
      expect(reset.status, JSON.stringify(password)).toBe(400);
      expect(reset.body.code).toBe('WeakPassword');
    }
    const short = await admin.post('/api/users', { username: 'weakling', password: 'short-one', role: 'viewer' });
    expect(short.body.message).toMatch(/12 characters/);
    expect((await admin.get('/api/users')).text).not.toContain('weakling');
  }, 90_000);

  it('refuses the first admin password from CONSOLE_ADMIN_PASSWORD with a config error', () => {
    expect(() => loadConfig({ CONSOLE_ADMIN_PASSWORD: 'password1234' })).toThrow(ConfigError);
    expect(() => loadConfig({ CONSOLE_ADMIN_PASSWORD: ' '.repeat(14) })).toThrow(/CONSOLE_ADMIN_PASSWORD/);
    expect(loadConfig({ CONSOLE_ADMIN_PASSWORD: 'a-long-and-unusual-passphrase' }).CONSOLE_ADMIN_PASSWORD).toBe(
      'a-long-and-unusual-passphrase',
    );
  });

  it('lets an account with an old weak password keep signing in', async () => {
    // As an account from before the policy (or imported from 0.1.0) is stored.
    await app.db.query(
      `INSERT INTO users (id, username, role, password_hash, created_at) VALUES ($1, 'oldtimer', 'viewer', $2, $3)`,
      [randomUUID(), await hashPassword('password1234'), new Date('2025-01-01T00:00:00.000Z')],
    );
    expect((await new Browser(app.url).login('oldtimer', 'password1234')).status).toBe(200);
  }, 90_000);
});

describe('PUT /api/session/password', () => {
  it('changes one’s own password, keeps this session and ends the others', async () => {
    expect(
      (await admin.post('/api/users', { username: 'selfie', password: 'selfie-first-password', role: 'viewer' }))
        .status,
    ).toBe(201);
    const here = new Browser(app.url);
    const elsewhere = new Browser(app.url);
    await here.login('selfie', 'selfie-first-password');
    await elsewhere.login('selfie', 'selfie-first-password');

    const weak = await here.request('PUT', '/api/session/password', {
      currentPassword: 'selfie-first-password',
      newPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('WeakPassword');

    const wrong = await here.request('PUT', '/api/session/password', {
      currentPassword: 'not-my-password',
      newPassword: 'selfie-second-password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WrongPassword');

    const changed = await here.request('PUT', '/api/session/password', {
      currentPassword: 'selfie-first-password',
      newPassword: 'selfie-second-password',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/session')).status).toBe(200);
    expect((await elsewhere.get('/api/session')).status).toBe(401);
    expect((await new Browser(app.url).login('selfie', 'selfie-first-password')).status).toBe(401);
    expect((await new Browser(app.url).login('selfie', 'selfie-second-password')).status).toBe(200);

    const entries: AuditEntry[] = await storedAuditEntries(app.db);
    // The wrong guess and the change, each once (the change in the same transaction as the new password).
    const own = entries.filter((entry) => entry.action === 'ChangeOwnPassword');
    expect(own).toEqual([
      expect.objectContaining({ user: 'selfie', event: 'user', outcome: 'failure', code: 'WrongPassword' }),
      expect.objectContaining({ user: 'selfie', event: 'user', resourceIds: ['selfie'], outcome: 'success' }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('selfie-second-password');
  }, 90_000);

  it('needs a session and a strict body', async () => {
    const anonymous = await new Browser(app.url).request('PUT', '/api/session/password', {
      currentPassword: 'x',
      newPassword: 'selfie-third-password',
    });
    expect(anonymous.status).toBe(401);
    const extra = await admin.request('PUT', '/api/session/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'selfie-third-password',
      username: 'vic',
    });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('InvalidParameter');
  }, 90_000);

  it('is rate-limited like sign-ins for wrong current passwords', async () => {
    const browser = new Browser(app.url);
    await app.users.create('guesser', 'guesser-password-1', 'viewer');
    await browser.login('guesser', 'guesser-password-1');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await browser.request('PUT', '/api/session/password', {
        currentPassword: `guess-${i}`,
        newPassword: 'guesser-password-2',
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  }, 120_000);
});
