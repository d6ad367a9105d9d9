import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ConsoleUser } from '@ecs-console/contract';
import { startConsoleAsAdmin, type ApiResponse, type Browser } from './support/console-harness.js';

let app: Awaited<ReturnType<typeof startConsoleAsAdmin>>['app'];
let admin: Browser;

beforeAll(async () => {
  ({ app, admin } = await startConsoleAsAdmin());
}, 30_000);
afterAll(() => app.close());

async function auditEntries(): Promise<AuditEntry[]> {
  return (await readFile(join(app.dataDir, 'audit.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);
}

async function storedUsers(): Promise<{ id: string; username: string; role: string }[]> {
  const file = JSON.parse(await readFile(join(app.dataDir, 'users.json'), 'utf8')) as {
    users: { id: string; username: string; role: string }[];
  };
  return file.users;
}

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
  }, 60_000);

  it('answers every applied change 2xx, audits each one, and leaves a consistent file', async () => {
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

    // The file, the list and a fresh read agree, and each name is there at most once.
    const listed = (await admin.get('/api/users')).body.users as ConsoleUser[];
    const stored = await storedUsers();
    expect(stored.map((user) => [user.username, user.role])).toEqual(listed.map((user) => [user.username, user.role]));
    expect(new Set(stored.map((user) => user.username)).size).toBe(stored.length);
    expect(new Set(stored.map((user) => user.id)).size).toBe(stored.length);
  }, 120_000);
});
