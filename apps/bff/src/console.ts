import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { AuditStore, startAuditRetention } from './audit/audit-store.js';
import { Sessions } from './auth/session.js';
import { UserStore } from './auth/users.js';
import type { Database } from './storage/database.js';
import { importLegacyData } from './storage/legacy-import.js';
import { openDatabase } from './storage/open.js';
import { RevokedSessions } from './storage/revoked-sessions.js';
import { sessionSecret } from './storage/settings.js';
import { servedOverHttps, type ConsoleConfig } from './config.js';
import { openEcsBackend, type EcsBackend } from './ecs/backend.js';
import { alibabaVncProxySources } from './http/security-headers.js';
import { ecsClientLogger } from './logger.js';

export interface RunningConsole {
  readonly url: string;
  readonly backend: EcsBackend;
  readonly users: UserStore;
  /** The console's database (PGlite in the data directory, or the configured server). */
  readonly db: Database;
  readonly audit: AuditStore;
  /** The first admin's password when this start generated it (print it once, then forget it). */
  readonly generatedAdminPassword: string | undefined;
  close(): Promise<void>;
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
  /** The console's clock (epoch ms: sessions, throttles, user and audit times); tests move it instead of waiting. */
  readonly now?: () => number;
}

/**
 * Opens the database (migrated; first-start work done under the start-up lock, so replicas
 * starting together do it once), the ECS backend, and starts serving.
 */
export async function startConsole(
  config: ConsoleConfig,
  logger: Logger,
  options: ConsoleOptions = {},
): Promise<RunningConsole> {
  await mkdir(config.CONSOLE_DATA_DIR, { recursive: true, mode: 0o700 });
  const now = options.now;
  const nowDate = now ? () => new Date(now()) : () => new Date();
  const { db, startup } = await openDatabase(config, async (connection, database) => {
    // Before the first admin: 0.1.0's accounts (and its session key, so old cookies keep working) come first.
    // It logs what it imported itself.
    await importLegacyData(connection, config.CONSOLE_DATA_DIR, logger, { now: nowDate });
    const admin = await new UserStore(database, { now: nowDate }).ensureAdmin(
      config.CONSOLE_ADMIN_PASSWORD,
      connection,
    );
    const secret = await sessionSecret(connection, config.CONSOLE_SESSION_SECRET);
    return { admin, secret };
  });
  const users = new UserStore(db, { now: nowDate });
  const audit = new AuditStore(db, { now: nowDate });
  const retention = startAuditRetention(audit, config.CONSOLE_AUDIT_RETENTION_DAYS, logger);
  const sessions = new Sessions(
    {
      secret: startup.secret,
      idleMinutes: config.CONSOLE_SESSION_IDLE_MINUTES,
      maxHours: config.CONSOLE_SESSION_MAX_HOURS,
      secureCookies: servedOverHttps(config),
    },
    { users, revoked: new RevokedSessions(db, now), now },
  );
  let backend: EcsBackend;
  try {
    backend = await openEcsBackend(config, ecsClientLogger(logger));
  } catch (error) {
    retention.stop();
    await db.close();
    throw error;
  }
  const app = createApp({
    logger,
    users,
    sessions,
    audit,
    db,
    now,
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
  let server: Server;
  try {
    server = await new Promise((resolve, reject) => {
      const listening = app.listen(config.PORT, config.HOST, (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
  } catch (error) {
    retention.stop();
    await backend.close();
    await db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return {
    url: `http://${host}:${port}`,
    backend,
    users,
    db,
    audit,
    generatedAdminPassword: startup.admin.generatedPassword,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
      retention.stop();
      await db.close();
    },
  };
}
