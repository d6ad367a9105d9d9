import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import type { ChildServer } from '../lib/child-server.js';
import { fmt, interleaved, printTable } from '../lib/measure.js';
import { ADMIN_PASSWORD, signIn, startStorageConsole } from '../servers/bff-child.js';

const ROUNDS = 60;
const TARGET_USER = 'bench-target';

const writeHeaders = (url: string, cookie?: string) => ({
  'content-type': 'application/json',
  'x-requested-with': 'ecs-console',
  origin: url,
  ...(cookie ? { cookie } : {}),
});

async function timed(request: () => Promise<Response>, expected: number): Promise<number> {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
  return elapsed;
}

/** The three requests measured on one console: a sign-in, an audited role change, the health check. */
async function operations(console: ChildServer): Promise<Record<'login' | 'write' | 'health', () => Promise<number>>> {
  const { url } = console;
  const cookie = await signIn(url);
  const created = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: writeHeaders(url, cookie),
    body: JSON.stringify({ username: TARGET_USER, password: 'bench-Target-password-7', role: 'viewer' }),
  });
  if (created.status !== 201) throw new Error(`creating ${TARGET_USER}: ${created.status} ${await created.text()}`);
  let role: 'viewer' | 'operator' = 'viewer';
  return {
    login: () =>
      timed(
        () =>
          fetch(`${url}/api/session`, {
            method: 'POST',
            headers: writeHeaders(url),
            body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
          }),
        200,
      ),
    write: () => {
      role = role === 'viewer' ? 'operator' : 'viewer';
      return timed(
        () =>
          fetch(`${url}/api/users/${TARGET_USER}`, {
            method: 'PATCH',
            headers: writeHeaders(url, cookie),
            body: JSON.stringify({ role }),
          }),
        200,
      );
    },
    health: () => timed(() => fetch(`${url}/api/health`), 200),
  };
}

/**
 * What a PostgreSQL server costs per request against the embedded PGlite, on two consoles started
 * alike: a sign-in (POST /api/session: the user read, the password check, the audit entry), an
 * audited write (PATCH /api/users/:name: the role change and its audit entry in one transaction),
 * and the floor, GET /api/health (the same HTTP round trip with one trivial read), measured in
 * interleaved rounds in the same run.
 */
export async function storageLatency(): Promise<void> {
  const postgres = await startPostgres();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-storage-'));
  const embedded = await startStorageConsole({ CONSOLE_DATA_DIR: dataDir });
  const server = await startStorageConsole({ CONSOLE_DATABASE_URL: postgres.url });
  try {
    const onEmbedded = await operations(embedded);
    const onServer = await operations(server);
    const medians = await interleaved(
      {
        embeddedLogin: onEmbedded.login,
        serverLogin: onServer.login,
        embeddedWrite: onEmbedded.write,
        serverWrite: onServer.write,
        embeddedHealth: onEmbedded.health,
        serverHealth: onServer.health,
      },
      ROUNDS,
    );
    const row = (name: string, embeddedMs: number, serverMs: number) => [
      name,
      fmt.ms(embeddedMs),
      fmt.ms(serverMs),
      fmt.ratio(serverMs / embeddedMs),
    ];
    printTable(
      `Request latency by database, median of ${ROUNDS} interleaved rounds (the server is a local PostgreSQL over TCP, run as the tests run it: fsync off)`,
      ['request', 'PGlite', 'PostgreSQL server', 'server / PGlite'],
      [
        row('sign-in: POST /api/session', medians.embeddedLogin, medians.serverLogin),
        row('audited write: PATCH /api/users/:name (role)', medians.embeddedWrite, medians.serverWrite),
        row('floor: GET /api/health', medians.embeddedHealth, medians.serverHealth),
      ],
    );
  } finally {
    await server.close();
    await embedded.close();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
