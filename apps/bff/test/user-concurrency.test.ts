import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ConsoleUser } from '@ecs-console/contract';
import { UserError, UserStore } from '../src/auth/users.js';
import {
  startConsoleAsAdmin,
  storedAuditEntries,
  storedUsers as usersIn,
  type ApiResponse,
  type Browser,
} from './support/console-harness.js';
import { openMigrated } from './support/databases.js';

let app: Awaited<ReturnType<typeof startConsoleAsAdmin>>['app'];
let admin: Browser;

beforeAll(async () => {
  ({ app, admin } = await startConsoleAsAdmin());
}, 120_000);
afterAll(() => app.close());

const auditEntries = (): Promise<AuditEntry[]> => storedAuditEntries(app.db);
const storedUsers = () => usersIn(app.db);

describe('concurrent user changes', () => {
  it('create one name once: exactly one 201, the others 409 UserExists', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.post('/api/users', {
          username: 'twin',
          password: `twin-password-number-${i}`,
          role: i % 2 ? 'viewer' : 'operator',
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409 && answer.body.code === 'UserExists')).toHaveLength(19);
    expect((await storedUsers()).filter((user) => user.username === 'twin')).toHaveLength(1);
    const creations = (await auditEntries()).filter(
      (entry) => entry.event === 'user' && entry.resourceIds[0] === 'twin',
    );
    expect(creations).toHaveLength(1);
  }, 120_000);

  it('answers every applied change 2xx, audits each one, and leaves a consistent table', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `crowd${i}`);
    await Promise.all(
      names.map((name) =>
        admin.post('/api/users', { username: name, password: 'crowd-member-password', role: 'viewer' }),
      ),
    );
    const before = (await auditEntries()).length;
    const operations: Promise<ApiResponse>[] = [];
    const patch = (name: string, role: string) => admin.request('PATCH', `/api/users/${name}`, { role });
    for (const name of names) {
      // 9 operations per name, all at once: role changes, deletes and creates racing each other.
      operations.push(patch(name, 'operator'), patch(name, 'admin'), admin.request('DELETE', `/api/users/${name}`));
      operations.push(
        patch(name, 'viewer'),
        admin.post('/api/users', { username: name, password: 'crowd-member-password', role: 'admin' }),
      );
      operations.push(admin.request('DELETE', `/api/users/${name}`), patch(name, 'operator'), patch(name, 'viewer'));
      operations.push(
        admin.post('/api/users', { username: name, password: 'crowd-member-password', role: 'operator' }),
      );
    }
    const answers = await Promise.all(operations);
    expect(answers).toHaveLength(90);
    for (const answer of answers) expect([200, 201, 204, 404, 409]).toContain(answer.status);
    const applied = answers.filter((answer) => answer.status < 300);
    // Whichever operation on a name arrives first finds the user there, so each name has one at least.
    expect(applied.length).toBeGreaterThanOrEqual(10);
    const logged = (await auditEntries()).slice(before);
    expect(logged).toHaveLength(applied.length);
    expect(logged.every((entry) => entry.event === 'user' && entry.outcome === 'success')).toBe(true);

    // The table, the list and a fresh read agree, and each name is there at most once.
    const listed = (await admin.get('/api/users')).body.users as ConsoleUser[];
    const stored = await storedUsers();
    expect(stored.map((user) => [user.username, user.role])).toEqual(listed.map((user) => [user.username, user.role]));
    expect(new Set(stored.map((user) => user.username)).size).toBe(stored.length);
    expect(new Set(stored.map((user) => user.id)).size).toBe(stored.length);
  }, 240_000);
});

describe('the last admin on a PostgreSQL server shared by replicas', () => {
  it('survives two admins demoting or deleting each other at the same moment', async () => {
    const db = await openMigrated('postgres');
    try {
      // Two stores on one server database: two replicas' views, each change in its own transaction.
      const [east, west] = [new UserStore(db), new UserStore(db)];
      const by = { user: 'tester', role: 'admin' } as const;
      await east.create('ann', 'ann-password-number-1', 'admin');
      await east.create('bob', 'bob-password-number-1', 'admin');
      for (const round of [0, 1, 2, 3]) {
        const entriesBefore = (await storedAuditEntries(db)).length;
        const race = await Promise.allSettled(
          round % 2
            ? [east.remove('ann', by), west.remove('bob', by)]
            : [east.update('ann', { role: 'viewer' }, by), west.update('bob', { role: 'operator' }, by)],
        );
        const refused = race.filter((result) => result.status === 'rejected');
        expect(refused, `round ${round}`).toHaveLength(1);
        expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(UserError);
        expect(((refused[0] as PromiseRejectedResult).reason as UserError).code).toBe('LastAdmin');
        const admins = (await usersIn(db)).filter((user) => user.role === 'admin');
        expect(admins, `round ${round}`).toHaveLength(1);
        // The applied change is audited, the refused one is not.
        const entries = (await storedAuditEntries(db)).slice(entriesBefore);
        expect(entries).toHaveLength(1);
        expect(entries[0]!.resourceIds).not.toEqual([admins[0]!.username]);
        // Both admins again for the next round.
        for (const name of ['ann', 'bob']) {
          if (!(await east.find(name))) await east.create(name, `${name}-password-number-1`, 'admin');
          else await east.update(name, { role: 'admin' });
        }
      }
    } finally {
      await db.close();
    }
  }, 180_000);
});
