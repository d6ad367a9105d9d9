import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { AuditLog } from './audit/audit-log.js';
import { Sessions } from './auth/session.js';
import { UserStore } from './auth/users.js';
import { FileRevokedSessions } from './storage/revoked-sessions.js';
import { servedOverHttps, type ConsoleConfig } from './config.js';
import { openEcsBackend, type EcsBackend } from './ecs/backend.js';
import { alibabaVncProxySources } from './http/security-headers.js';
import { ecsClientLogger } from './logger.js';

export interface RunningConsole {
  readonly url: string;
  readonly backend: EcsBackend;
  readonly users: UserStore;
  /** The first admin's password when this start generated it (print it once, then forget it). */
  readonly generatedAdminPassword: string | undefined;
  close(): Promise<void>;
}

/** The session key: from the config (shared by replicas), else generated once into the data directory. */
async function sessionSecret(config: ConsoleConfig): Promise<string> {
  if (config.CONSOLE_SESSION_SECRET) return config.CONSOLE_SESSION_SECRET;
  const path = join(config.CONSOLE_DATA_DIR, 'session-key');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const secret = randomBytes(32).toString('base64url');
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

/**
 * Where the embedded VNC viewer's WebSocket may connect (CSP `connect-src`). The embedded
 * emulator's DescribeInstanceVncUrl answers `ws://` addresses of its own host and port; Alibaba
 * Cloud answers addresses of its VNC proxies (`hz01-vncproxy.aliyun.com`); an endpoint set with
 * ECS_ENDPOINT (a private endpoint or `pnpm emulator`) may answer addresses of its own host.
 */
export function vncConnectSources(backend: EcsBackend, config: ConsoleConfig): string[] {
  const webSocketOrigin = (httpUrl: string) => {
    const url = new URL(httpUrl);
    return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  };
  if (backend.emulator) return [webSocketOrigin(backend.emulator.url)];
  const sources = alibabaVncProxySources(servedOverHttps(config));
  if (config.ECS_ENDPOINT) sources.push(webSocketOrigin(config.ECS_ENDPOINT));
  return sources;
}

export interface ConsoleOptions {
  /** The built SPA to serve. */
  readonly webRoot?: string;
  /** The sessions' clock (epoch ms); tests move it instead of waiting. */
  readonly now?: () => number;
}

/** Opens the data directory, users, audit log and ECS backend, and starts serving. */
export async function startConsole(
  config: ConsoleConfig,
  logger: Logger,
  options: ConsoleOptions = {},
): Promise<RunningConsole> {
  await mkdir(config.CONSOLE_DATA_DIR, { recursive: true, mode: 0o700 });
  const users = await UserStore.open(join(config.CONSOLE_DATA_DIR, 'users.json'));
  const { generatedPassword } = await users.ensureAdmin(config.CONSOLE_ADMIN_PASSWORD);
  const sessions = new Sessions(
    {
      secret: await sessionSecret(config),
      idleMinutes: config.CONSOLE_SESSION_IDLE_MINUTES,
      maxHours: config.CONSOLE_SESSION_MAX_HOURS,
      secureCookies: servedOverHttps(config),
    },
    {
      users,
      revoked: await FileRevokedSessions.open(join(config.CONSOLE_DATA_DIR, 'revoked-sessions.json'), options.now),
      now: options.now,
    },
  );
  const audit = new AuditLog(join(config.CONSOLE_DATA_DIR, 'audit.jsonl'));
  const backend = await openEcsBackend(config, ecsClientLogger(logger));
  const app = createApp({
    logger,
    users,
    sessions,
    audit,
    ecs: backend.client,
    backendKind: backend.kind,
    defaultRegion: config.CONSOLE_DEFAULT_REGION,
    fleetConcurrency: config.CONSOLE_FLEET_CONCURRENCY,
    fleetCacheSeconds: config.CONSOLE_FLEET_CACHE_SECONDS,
    webRoot: options.webRoot,
    trustProxy: config.CONSOLE_TRUST_PROXY,
    vncPageVersion: config.CONSOLE_VNC_PAGE_VERSION,
    vncConnectSrc: vncConnectSources(backend, config),
    servedOverHttps: servedOverHttps(config),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.PORT, config.HOST, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return {
    url: `http://${host}:${port}`,
    backend,
    users,
    generatedAdminPassword: generatedPassword,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
