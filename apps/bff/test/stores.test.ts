import { afterEach, describe, expect, it } from 'vitest';
import { UserStore, type UserError } from '../src/auth/users.js';
import type { Database } from '../src/storage/database.js';
import { RevokedSessions } from '../src/storage/revoked-sessions.js';
import { readSetting, sessionSecret, SESSION_SECRET_SETTING } from '../src/storage/settings.js';
import { DatabaseThrottleStore } from '../src/storage/throttle-store.js';
import { storedAuditEntries } from './support/console-harness.js';
import { eachDatabase, openMigrated } from './support/databases.js';

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

const by = { user: 'root', role: 'admin', sourceIp: '192.0.2.7' } as const;

describe.each(eachDatabase())('stores on $name', (kind) => {
  async function database(): Promise<Database> {
    const db = await openMigrated(kind);
    opened.push(db);
    return db;
  }

  describe('revoked sessions', () => {
    it('refuses a revoked session until it would have expired, and prunes it on a later revoke', async () => {
      const db = await database();
      let now = 1_000_000_000;
      const store = new RevokedSessions(db, () => now);
      await Promise.all([store.revoke('session-a', now + 60_000), store.revoke('session-b', now + 120_000)]);
      expect(await store.isRevoked('session-a')).toBe(true);
      expect(await store.isRevoked('session-c')).toBe(false);
      // Another instance on the same database (another replica) sees it at once.
      expect(await new RevokedSessions(db, () => now).isRevoked('session-b')).toBe(true);

      now += 90_000;
      expect(await store.isRevoked('session-a')).toBe(false);
      await store.revoke('session-c', now + 60_000);
      expect(await store.size()).toBe(2);
      // A session already past its expiry needs no record.
      await store.revoke('session-d', now - 1);
      expect(await store.isRevoked('session-d')).toBe(false);
    }, 120_000);
  });

  describe('users', () => {
    it('never reuses an id when a name is created again', async () => {
      const store = new UserStore(await database());
      await store.create('first', 'a-first-password-1', 'admin');
      await store.create('again', 'an-again-password-1', 'admin');
      const before = (await store.find('again'))!.id;
      await store.remove('again');
      await store.create('again', 'an-again-password-1', 'admin');
      expect((await store.find('again'))!.id).not.toBe(before);
      expect((await store.list()).map((user) => user.username)).toEqual(['first', 'again']);
    }, 120_000);

    it('creates one name once when creates race (one UNIQUE row, one audit entry)', async () => {
      const db = await database();
      const stores = [new UserStore(db), new UserStore(db)];
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) => stores[i % 2]!.create('twin', `twin-password-number-${i}`, 'viewer', by)),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results.filter((each) => each.status === 'rejected')) {
        expect((result.reason as UserError).code).toBe('UserExists');
      }
      const entries = await storedAuditEntries(db);
      expect(entries).toEqual([
        expect.objectContaining({ user: 'root', event: 'user', action: 'CreateUser(viewer)', resourceIds: ['twin'] }),
      ]);
    }, 120_000);

    it('writes each change and its audit entry together, and bumps the session version on a new password', async () => {
      const db = await database();
      const store = new UserStore(db);
      await store.create('boss', 'boss-password-number-1', 'admin', by);
      await store.create('pat', 'pat-password-number-1', 'viewer', by);
      const version = (await store.find('pat'))!.sessionVersion;
      await store.update('pat', { role: 'operator' }, by);
      expect((await store.find('pat'))!.sessionVersion).toBe(version);
      await store.update('pat', { password: 'pat-password-number-2' }, { ...by, action: 'ChangeOwnPassword' });
      expect((await store.find('pat'))!.sessionVersion).toBe(version + 1);
      expect(await store.authenticate('pat', 'pat-password-number-2')).toMatchObject({ role: 'operator' });
      expect(await store.authenticate('pat', 'pat-password-number-1')).toBeUndefined();
      await expect(store.update('boss', { role: 'viewer' }, by)).rejects.toMatchObject({ code: 'LastAdmin' });
      await expect(store.remove('boss', by)).rejects.toMatchObject({ code: 'LastAdmin' });
      await expect(store.remove('nobody', by)).rejects.toMatchObject({ code: 'UserNotFound' });
      await store.remove('pat', by);
      expect((await storedAuditEntries(db)).map((entry) => entry.action)).toEqual([
        'CreateUser(admin)',
        'CreateUser(viewer)',
        'ChangeRole(operator)',
        'ChangeOwnPassword',
        'DeleteUser',
      ]);
      expect((await storedAuditEntries(db)).every((entry) => entry.sourceIp === '192.0.2.7')).toBe(true);
    }, 120_000);

    it('creates the first admin once, and says the generated password only to that start', async () => {
      const db = await database();
      const starts = await Promise.all(Array.from({ length: 8 }, () => new UserStore(db).ensureAdmin(undefined)));
      expect(starts.filter((start) => start.created)).toHaveLength(1);
      const generated = starts.find((start) => start.created)!.generatedPassword!;
      expect(starts.filter((start) => start.generatedPassword !== undefined)).toHaveLength(1);
      expect(await new UserStore(db).authenticate('admin', generated)).toMatchObject({ role: 'admin' });
      expect(await new UserStore(db).ensureAdmin('another-admin-password')).toEqual({ created: false });
    }, 120_000);
  });

  describe('settings', () => {
    it('keeps one session secret for every replica, unless CONSOLE_SESSION_SECRET is set', async () => {
      const db = await database();
      const secrets = await Promise.all([0, 1, 2].map(() => sessionSecret(db, undefined)));
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toHaveLength(43);
      expect(await readSetting(db, SESSION_SECRET_SETTING)).toBe(secrets[0]);
      expect(await sessionSecret(db, 'x'.repeat(32))).toBe('x'.repeat(32));
    }, 120_000);
  });

  describe('the sign-in throttle store', () => {
    it('counts one key across instances within a window, then starts again', async () => {
      const db = await database();
      let now = 2_000_000_000;
      const replica = (prefix: string) => {
        const store = new DatabaseThrottleStore(db, { prefix, now: () => now });
        store.init({ windowMs: 60_000 } as Parameters<DatabaseThrottleStore['init']>[0]);
        return store;
      };
      const [one, two, other] = [replica('login:'), replica('login:'), replica('password:')];
      const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).increment('1.2.3.4')));
      expect(hits.map((hit) => hit.totalHits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(hits.every((hit) => hit.resetTime!.getTime() === now + 60_000)).toBe(true);
      // Another limiter's prefix is another counter.
      expect((await other.increment('1.2.3.4')).totalHits).toBe(1);
      await two.decrement('1.2.3.4');
      expect(await one.get('1.2.3.4')).toEqual({ totalHits: 9, resetTime: new Date(now + 60_000) });

      now += 60_000;
      expect(await one.get('1.2.3.4')).toBeUndefined();
      expect(await two.increment('1.2.3.4')).toEqual({ totalHits: 1, resetTime: new Date(now + 60_000) });
      await one.resetKey('1.2.3.4');
      expect(await two.get('1.2.3.4')).toBeUndefined();
      await one.prune();
      const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM login_failures');
      expect(row!.count).toBe(0);
    }, 120_000);
  });
});
