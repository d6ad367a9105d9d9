import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserStore } from '../src/auth/users.js';
import { hashPassword } from '../src/auth/passwords.js';
import { FileRevokedSessions } from '../src/storage/revoked-sessions.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ecs-console-stores-'));
}

describe('the revoked-sessions file store', () => {
  it('keeps revocations across a restart, in a 0600 file, until the session would have expired', async () => {
    const dir = await tempDir();
    const path = join(dir, 'revoked-sessions.json');
    let now = 1_000_000;
    const store = await FileRevokedSessions.open(path, () => now);
    await Promise.all([store.revoke('session-a', now + 60_000), store.revoke('session-b', now + 120_000)]);
    expect(await store.isRevoked('session-a')).toBe(true);
    expect(await store.isRevoked('session-c')).toBe(false);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    // Atomic writes leave no temporary files behind.
    expect(await readdir(dir)).toEqual(['revoked-sessions.json']);

    const reopened = await FileRevokedSessions.open(path, () => now);
    expect(await reopened.isRevoked('session-b')).toBe(true);

    now += 90_000;
    expect(await reopened.isRevoked('session-a')).toBe(false);
    await reopened.revoke('session-c', now + 60_000);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { revoked: Record<string, number> };
    expect(Object.keys(stored.revoked).sort()).toEqual(['session-b', 'session-c']);
  });
});

describe('the user store', () => {
  it('gives accounts from an older users.json an id on load, keeps it, and they still sign in', async () => {
    const dir = await tempDir();
    const path = join(dir, 'users.json');
    const user = {
      username: 'veteran',
      role: 'admin',
      passwordHash: await hashPassword('veteran-password-1'),
      createdAt: '2025-01-01T00:00:00.000Z',
      sessionVersion: 3,
    };
    await writeFile(path, JSON.stringify({ users: [user] }));
    const store = await UserStore.open(path);
    const id = store.find('veteran')?.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await store.authenticate('veteran', 'veteran-password-1'))?.id).toBe(id);
    expect((await UserStore.open(path)).find('veteran')?.id).toBe(id);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('never reuses an id when a name is created again', async () => {
    const store = await UserStore.open(join(await tempDir(), 'users.json'));
    await store.create('first', 'a-first-password-1', 'admin');
    await store.create('again', 'an-again-password-1', 'admin');
    const before = store.find('again')!.id;
    await store.remove('again');
    await store.create('again', 'an-again-password-1', 'admin');
    expect(store.find('again')!.id).not.toBe(before);
  }, 30_000);
});
