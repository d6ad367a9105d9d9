import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnswer } from '@ecs-console/contract';
import { FAILURES_PER_WINDOW } from '../src/auth/login-throttle.js';
import { ADMIN_PASSWORD, Browser, signedInBrowser } from './support/console-harness.js';
import { freshServerUrl } from './support/databases.js';
import { startReplica, type Replica } from './support/replicas.js';

/**
 * Two consoles as separate processes on one PostgreSQL database (same session secret), as a team
 * deployment runs them behind a load balancer: whatever one does, the other sees at once.
 */

const started: Replica[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((replica) => replica.stop()));
});

async function startPair(env: Record<string, string> = {}): Promise<{ url: string; a: Replica; b: Replica }> {
  const url = await freshServerUrl();
  const [a, b] = await Promise.all([startReplica(url, env), startReplica(url, env)]);
  started.push(a, b);
  return { url, a, b };
}

/** A browser on `replica` holding the session cookie `from` got (a load balancer moved it). */
function sameSessionOn(replica: Replica, from: Browser): Browser {
  const browser = new Browser(replica.url);
  browser.cookie = from.cookie;
  return browser;
}

/** A password the console's strength check accepts. */
const strongPassword = (seed: string) => `correct horse ${seed} battery staple`;

async function createUser(admin: Browser, username: string, role: string): Promise<void> {
  const response = await admin.post('/api/users', { username, password: strongPassword(username), role });
  if (response.status !== 201) throw new Error(`could not create ${username}: ${response.status} ${response.text}`);
}

async function auditEntries(admin: Browser, query: string): Promise<AuditAnswer['entries']> {
  const response = await admin.get(`/api/audit?${query}`);
  expect(response.status, response.text).toBe(200);
  return (response.body as unknown as AuditAnswer).entries;
}

async function queryDatabase<Row extends object>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row & pg.QueryResultRow>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('two replicas on one database', () => {
  let a: Replica;
  let b: Replica;
  let adminOnA: Browser;

  beforeAll(async () => {
    ({ a, b } = await startPair());
    adminOnA = await signedInBrowser(a.url, 'admin', ADMIN_PASSWORD);
  });

  it('accepts on B a session signed in on A', async () => {
    const onB = sameSessionOn(b, adminOnA);
    const session = await onB.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { username: 'admin', role: 'admin' } });
  });

  it('ends the session on B at once when it signs out on A', async () => {
    const onA = await signedInBrowser(a.url, 'admin', ADMIN_PASSWORD);
    const onB = sameSessionOn(b, onA);
    expect((await onB.get('/api/session')).status).toBe(200);

    expect((await onA.request('DELETE', '/api/session')).status).toBe(204);
    expect((await onB.get('/api/session')).status).toBe(401);
  });

  it("ends a user's other sessions on B when the password changes on A", async () => {
    await createUser(adminOnA, 'pat', 'operator');
    const changing = await signedInBrowser(a.url, 'pat', strongPassword('pat'));
    const otherOnB = sameSessionOn(b, await signedInBrowser(a.url, 'pat', strongPassword('pat')));
    expect((await otherOnB.get('/api/session')).status).toBe(200);

    const change = await changing.request('PUT', '/api/session/password', {
      currentPassword: strongPassword('pat'),
      newPassword: strongPassword('pat-2'),
    });
    expect(change.status, change.text).toBe(204);

    expect((await otherOnB.get('/api/session')).status).toBe(401);
    // The session that changed the password goes on, on either replica.
    expect((await sameSessionOn(b, changing).get('/api/session')).status).toBe(200);
  });

  it('applies on B at once a role changed on A', async () => {
    await createUser(adminOnA, 'rhea', 'admin');
    const rheaOnB = await signedInBrowser(b.url, 'rhea', strongPassword('rhea'));
    expect((await rheaOnB.get('/api/users')).status).toBe(200);

    const change = await adminOnA.request('PATCH', '/api/users/rhea', { role: 'viewer' });
    expect(change.status, change.text).toBe(200);

    expect((await rheaOnB.get('/api/users')).status).toBe(403);
    expect((await rheaOnB.get('/api/session')).body).toMatchObject({ user: { username: 'rhea', role: 'viewer' } });
  });

  it('signs out on B a user deleted on A', async () => {
    await createUser(adminOnA, 'dov', 'viewer');
    const dovOnB = await signedInBrowser(b.url, 'dov', strongPassword('dov'));
    expect((await dovOnB.get('/api/session')).status).toBe(200);

    expect((await adminOnA.request('DELETE', '/api/users/dov')).status).toBe(204);

    expect((await dovOnB.get('/api/session')).status).toBe(401);
  });

  it('lets a user created on A sign in on B', async () => {
    await createUser(adminOnA, 'cy', 'viewer');
    const cyOnB = await signedInBrowser(b.url, 'cy', strongPassword('cy'));
    expect((await cyOnB.get('/api/session')).body).toMatchObject({ user: { username: 'cy', role: 'viewer' } });
  });

  it("keeps every replica's writes in one audit trail", async () => {
    const adminOnB = await signedInBrowser(b.url, 'admin', ADMIN_PASSWORD);
    await createUser(adminOnA, 'made-on-a', 'viewer');
    await createUser(adminOnB, 'made-on-b', 'viewer');

    for (const admin of [adminOnA, adminOnB]) {
      const created = await auditEntries(admin, 'event=user&outcome=success&limit=500');
      const names = created.filter((entry) => entry.action?.startsWith('CreateUser')).flatMap((e) => e.resourceIds);
      expect(names).toEqual(expect.arrayContaining(['made-on-a', 'made-on-b']));
    }
  });
});

describe('sign-in throttling across replicas', () => {
  it('counts failures on both replicas against one limit', async () => {
    const { a, b } = await startPair();
    const onA = new Browser(a.url);
    const onB = new Browser(b.url);
    const onAFirst = Math.ceil(FAILURES_PER_WINDOW / 2) + 1;
    for (let attempt = 0; attempt < onAFirst; attempt += 1) {
      expect((await onA.login('admin', 'not the password')).status).toBe(401);
    }
    for (let attempt = onAFirst; attempt < FAILURES_PER_WINDOW; attempt += 1) {
      expect((await onB.login('admin', 'not the password')).status).toBe(401);
    }

    // Neither replica saw the limit alone; together they did.
    const nextOnA = await onA.login('admin', ADMIN_PASSWORD);
    const nextOnB = await onB.login('admin', ADMIN_PASSWORD);
    expect([nextOnA.status, nextOnA.body.code]).toEqual([429, 'TooManyLoginAttempts']);
    expect([nextOnB.status, nextOnB.body.code]).toEqual([429, 'TooManyLoginAttempts']);
  });
});

describe('replicas starting together on an empty database', () => {
  it('create exactly one admin, and only one of them prints its password', async () => {
    const { url, a, b } = await startPair({ CONSOLE_ADMIN_PASSWORD: '' });
    const printed = [a, b].filter((replica) =>
      /First start: created user "admin" with password/.test(replica.stdout()),
    );
    expect(printed).toHaveLength(1);

    const users = await queryDatabase<{ username: string; role: string }>(url, 'SELECT username, role FROM users');
    expect(users).toEqual([{ username: 'admin', role: 'admin' }]);
    const password = /with password (\S+)/.exec(printed[0]!.stdout())![1]!;
    const other = printed[0] === a ? b : a;
    expect((await new Browser(other.url).login('admin', password)).status).toBe(200);
  });
});

describe('a replica killed in the middle of writes', () => {
  it('loses no audit entry of a write it acknowledged', async () => {
    const { url, a, b } = await startPair();
    const adminOnA = await signedInBrowser(a.url, 'admin', ADMIN_PASSWORD);
    const names = Array.from({ length: 40 }, (_, index) => `burst-${index}`);
    let answered = 0;
    let killed: Promise<void> | undefined;
    const writes = names.map(async (username) => {
      try {
        const response = await adminOnA.post('/api/users', {
          username,
          password: strongPassword(username),
          role: 'viewer',
        });
        answered += 1;
        // Killed once some writes are acknowledged and others are still on their way.
        if (answered === 5) killed = a.kill();
        return { username, status: response.status };
      } catch {
        return { username, status: 0 }; // the connection died with the replica
      }
    });
    const results = await Promise.all(writes);
    await killed;

    const acknowledged = results.filter((result) => result.status === 201).map((result) => result.username);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(results.some((result) => result.status === 0)).toBe(true);

    const adminOnB = await signedInBrowser(b.url, 'admin', ADMIN_PASSWORD);
    const entries = await auditEntries(adminOnB, 'event=user&outcome=success&limit=500');
    const audited = entries.filter((entry) => entry.action?.startsWith('CreateUser')).flatMap((e) => e.resourceIds);
    expect(audited).toEqual(expect.arrayContaining(acknowledged));
    // A user and its audit entry are one transaction: no user exists without its entry either.
    const users = await queryDatabase<{ username: string }>(
      url,
      "SELECT username FROM users WHERE username LIKE 'burst-%'",
    );
    expect(users.map((user) => user.username).sort()).toEqual([...audited].sort());
  });
});
