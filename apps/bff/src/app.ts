import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { EcsClient } from '@ecs-console/ecs-client';
import type { AuditStore } from './audit/audit-store.js';
import { csrfGuard } from './auth/csrf.js';
import type { Sessions, SignedInUser } from './auth/session.js';
import type { UserStore } from './auth/users.js';
import { sendError } from './errors.js';
import { jsonBody } from './http/body-parsing.js';
import { compressAnswers } from './http/compression.js';
import { errorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.js';
import { noStore } from './http/no-store.js';
import { securityHeaders } from './http/security-headers.js';
import { staticWeb } from './http/static-web.js';
import { rejectMalformedUrl } from './http/url-decoding.js';
import { auditRoutes } from './routes/audit.js';
import { diagnosticsRoutes } from './routes/diagnostics.js';
import { ecsProxyRoutes } from './routes/ecs-proxy.js';
import { regionListRoutes } from './routes/region-lists.js';
import { sharedRegionListings } from './fleet/index.js';
import { sessionRoutes } from './routes/session.js';
import { userRoutes } from './routes/users.js';
import type { Database } from './storage/database.js';

export interface AppDeps {
  readonly logger: Logger;
  readonly users: UserStore;
  readonly sessions: Sessions;
  readonly audit: AuditStore;
  /** The console's database (users, revocations, throttles, audit): shared by replicas. */
  readonly db: Database;
  /** The console's clock (epoch ms) for sign-in throttles; tests move it instead of waiting. */
  readonly now?: (() => number) | undefined;
  readonly ecs: EcsClient;
  readonly backendKind: 'cloud' | 'endpoint' | 'emulator';
  readonly defaultRegion: string;
  readonly fleetConcurrency: number;
  /** How long a region's listing is shared after it finished (CONSOLE_FLEET_CACHE_SECONDS). Default 0. */
  readonly fleetCacheSeconds?: number;
  /** The built SPA (`apps/web/dist`); served when it exists. */
  readonly webRoot?: string | undefined;
  readonly trustProxy?: number;
  /** Version of the official web VNC page the VNC launch links to. Default 0.0.8. */
  readonly vncPageVersion?: string;
  /**
   * WebSocket origins the embedded VNC viewer may connect to (CSP `connect-src`): the embedded
   * emulator's `ws://host:port`, or Alibaba Cloud's VNC proxies.
   */
  readonly vncConnectSrc?: readonly string[];
  /** Users open the console over HTTPS: HSTS and upgrade-insecure-requests are sent. Default false. */
  readonly servedOverHttps?: boolean;
}

/** The Express app: security headers, logs, the API, and the SPA. Routes stay thin; the work is in the modules they call. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? 0);
  app.use(securityHeaders({ servedOverHttps: deps.servedOverHttps ?? false, vncConnectSrc: deps.vncConnectSrc ?? [] }));
  app.use(compressAnswers());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (request, response) => {
        const id = randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      customProps: (_request, response) => {
        const user = response.locals.user as SignedInUser | undefined;
        return user ? { user: user.username } : {};
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    }),
  );

  const api = express.Router();
  api.use(noStore, rejectMalformedUrl, ...jsonBody());
  api.use(csrfGuard());
  api.use(healthRoutes({ db: deps.db, backendKind: deps.backendKind }));
  api.use(
    '/session',
    sessionRoutes({
      users: deps.users,
      sessions: deps.sessions,
      audit: deps.audit,
      backend: { kind: deps.backendKind, defaultRegion: deps.defaultRegion },
      db: deps.db,
      now: deps.now,
    }),
  );
  api.use(deps.sessions.require());
  const listings = sharedRegionListings({
    client: deps.ecs,
    concurrency: deps.fleetConcurrency,
    cacheSeconds: deps.fleetCacheSeconds ?? 0,
  });
  api.use(
    '/ecs',
    ecsProxyRoutes({
      client: deps.ecs,
      audit: deps.audit,
      // Every kind's listing of the region (instances, disks, snapshots): see SharedListings.invalidate.
      onWrite: (regionId) => (regionId ? listings.invalidate(regionId) : listings.invalidateAll()),
    }),
  );
  api.use('/regions', regionListRoutes({ client: deps.ecs, listings }));
  api.use(
    '/instances',
    diagnosticsRoutes({ client: deps.ecs, audit: deps.audit, vncPageVersion: deps.vncPageVersion ?? '0.0.8' }),
  );
  api.use(auditRoutes({ audit: deps.audit }));
  api.use(userRoutes({ users: deps.users }));
  api.use((_request, response) => sendError(response, 404, 'NotFound', 'No such API route.'));
  app.use('/api', api);

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) app.use(staticWeb(deps.webRoot));

  app.use(errorHandler(deps.logger));
  return app;
}
