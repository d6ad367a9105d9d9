import { mkdtemp } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@ecs-console/contract';
import { loadConfig, startConsole, type RunningConsole } from '../../src/index.js';
import type { ConsoleOptions } from '../../src/console.js';
import { createLogger } from '../../src/logger.js';
import type { Queryable } from '../../src/storage/database.js';
import { freshServerUrl } from './databases.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** The server database of each data directory, so a console restarted on its directory finds its state. */
const databaseOfDataDir = new Map<string, string>();

/**
 * Starts the real console (Express, sessions, audit log, embedded emulator) in a temp data
 * directory. Its database is a new one on the test PostgreSQL server (creating one costs a few
 * milliseconds, where PGlite's first start in a directory costs seconds of CPU); the same one again
 * when a test restarts on the same directory. `CONSOLE_DATABASE_URL: ''` asks for the embedded
 * PGlite in the data directory instead, as `pnpm start` runs.
 */
export async function startTestConsole(
  env: Record<string, string> = {},
  logger?: Logger,
  options: ConsoleOptions = {},
): Promise<RunningConsole & { dataDir: string }> {
  const dataDir = env.CONSOLE_DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'ecs-console-test-')));
  let databaseUrl = env.CONSOLE_DATABASE_URL;
  if (databaseUrl === undefined) {
    databaseUrl = databaseOfDataDir.get(dataDir) ?? (await freshServerUrl());
    databaseOfDataDir.set(dataDir, databaseUrl);
  }
  const config = loadConfig({
    PORT: '0',
    CONSOLE_DATA_DIR: dataDir,
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CONSOLE_EMULATOR: 'always',
    CONSOLE_EMULATOR_SPEED: '500',
    // Fewer attempts than the default 10 keep tests of injected, retried errors quick.
    CONSOLE_ECS_MAX_ATTEMPTS: '4',
    LOG_LEVEL: 'silent',
    ...env,
    CONSOLE_DATABASE_URL: databaseUrl,
  });
  const running = await startConsole(config, logger ?? createLogger(config.LOG_LEVEL), options);
  return Object.assign(running, { dataDir });
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/**
 * A browser-like API client: keeps the session cookie, sends the CSRF header and the console's
 * Origin on writes, and records every response so tests can search them all for secrets.
 */
export class Browser {
  readonly seen: ApiResponse[] = [];
  #cookie = '';

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const write = method !== 'GET' && method !== 'HEAD';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
        ...(write
          ? { 'x-requested-with': 'ecs-console', origin: this.baseUrl, 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('ecs_console_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.#cookie = value.endsWith('=') ? '' : value;
    }
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    const result = { status: response.status, headers: response.headers, text, body: parsed };
    this.seen.push(result);
    return result;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** A GET with the session cookie that keeps the body as bytes (images); not recorded in `seen`. */
  async getBytes(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.#cookie ? { cookie: this.#cookie } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  post(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    return this.post('/api/session', { username, password });
  }

  get hasSession(): boolean {
    return this.#cookie !== '';
  }

  /** The `name=value` of the session cookie this browser holds ('' for none): to keep or replay it. */
  get cookie(): string {
    return this.#cookie;
  }

  set cookie(value: string) {
    this.#cookie = value;
  }
}

/** A pino logger at trace level whose lines are kept in memory, to search logs for secrets. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), lines };
}

export interface StaffedConsole {
  readonly app: RunningConsole & { dataDir: string };
  /** Signed in as admin, an operator and a viewer. */
  readonly admin: Browser;
  readonly operator: Browser;
  readonly viewer: Browser;
}

/** A browser signed in to `url`, or an error saying why it could not sign in. */
export async function signedInBrowser(url: string, username: string, password: string): Promise<Browser> {
  const browser = new Browser(url);
  const response = await browser.login(username, password);
  if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.text}`);
  return browser;
}

/** A test console and a browser signed in as its admin. */
export async function startConsoleAsAdmin(): Promise<{ app: StaffedConsole['app']; admin: Browser }> {
  const app = await startTestConsole();
  return { app, admin: await signedInBrowser(app.url, 'admin', ADMIN_PASSWORD) };
}

/** A test console with one signed-in browser per role. */
export async function startConsoleWithStaff(): Promise<StaffedConsole> {
  const { app, admin } = await startConsoleAsAdmin();
  await app.users.create('olga', 'operator-password-1', 'operator');
  await app.users.create('vic', 'viewer-password-1', 'viewer');
  return {
    app,
    admin,
    operator: await signedInBrowser(app.url, 'olga', 'operator-password-1'),
    viewer: await signedInBrowser(app.url, 'vic', 'viewer-password-1'),
  };
}

/** Every stored audit entry, oldest first, read straight from the database. */
export async function storedAuditEntries(db: Queryable): Promise<AuditEntry[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT time, username AS "user", role, event, action, region_id AS "regionId", resource_ids AS "resourceIds",
            params, outcome, code, message, request_id AS "requestId", source_ip AS "sourceIp"
       FROM audit_entries ORDER BY id`,
  );
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries({ ...row, time: (row.time as Date).toISOString() }).filter(([, value]) => value !== null),
      ) as unknown as AuditEntry,
  );
}

/** The users table as stored (id, name, role), in creation order. */
export async function storedUsers(db: Queryable): Promise<{ id: string; username: string; role: string }[]> {
  return db.query('SELECT id, username, role FROM users ORDER BY created_at, username');
}
