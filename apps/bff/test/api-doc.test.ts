import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';
import type { BffErrorCode } from '@ecs-console/contract';
import { createApp } from '../src/app.js';
import { AuditStore } from '../src/audit/audit-store.js';
import { Sessions } from '../src/auth/session.js';
import { UserStore } from '../src/auth/users.js';
import type { Database } from '../src/storage/database.js';
import { RevokedSessions } from '../src/storage/revoked-sessions.js';

const apiDoc = readFileSync(new URL('../API.md', import.meta.url), 'utf8');

/** The parts of Express 5's router this test reads: a layer is a route or a mounted router. */
interface Layer {
  readonly rawPath?: string | string[];
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  readonly handle: { readonly stack?: Layer[] };
}

/** `METHOD /path` for every route the app serves, walking mounted routers. */
function mountedRoutes(stack: readonly Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      const routePath = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}` || '/';
      return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${routePath}`);
    }
    return layer.handle.stack ? mountedRoutes(layer.handle.stack, `${prefix}${path}`) : [];
  });
}

/** Building the app asks nothing of the database: this one fails any query it would get. */
const unusedDatabase: Database = {
  kind: 'embedded',
  query: () => Promise.reject(new Error('no database in this test')),
  transaction: () => Promise.reject(new Error('no database in this test')),
  withLock: () => Promise.reject(new Error('no database in this test')),
  close: () => Promise.resolve(),
};

function buildApp(): Express {
  const db = unusedDatabase;
  const users = new UserStore(db);
  const sessions = new Sessions(
    { secret: 'x'.repeat(32), idleMinutes: 30, maxHours: 12, secureCookies: false },
    { users, revoked: new RevokedSessions(db) },
  );
  const ecs = new EcsClient({
    credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
    endpoint: 'http://127.0.0.1:9',
  });
  return createApp({
    logger: pino({ level: 'silent' }),
    users,
    sessions,
    audit: new AuditStore(db),
    db,
    ecs,
    backendKind: 'emulator',
    defaultRegion: 'cn-hangzhou',
    fleetConcurrency: 1,
  });
}

/** The routes API.md's table documents: its first column, `METHOD /api/...`. */
function documentedRoutes(): string[] {
  return [...apiDoc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`?\s]*)`/gm)].map(
    ([, method, path]) => `${method} ${path}`,
  );
}

describe('API.md', () => {
  it('documents every mounted route, and no route that is not mounted', () => {
    const app = buildApp();
    const mounted = mountedRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack).filter((route) =>
      route.split(' ')[1]!.startsWith('/api/'),
    );
    expect(mounted.length).toBeGreaterThan(10);
    expect([...new Set(mounted)].sort()).toEqual([...new Set(documentedRoutes())].sort());
  });

  it('names every error code the BFF answers, the warning and the background marker', () => {
    const codes: readonly BffErrorCode[] = [
      'InvalidParameter',
      'Unauthenticated',
      'Forbidden',
      'CsrfCheckFailed',
      'InvalidCredentials',
      'TooManyLoginAttempts',
      'WeakPassword',
      'WrongPassword',
      'UserExists',
      'UserNotFound',
      'LastAdmin',
      'NotFound',
      'UnknownAction',
      'RequestTooLarge',
      'UnsupportedMediaType',
      'UnsupportedCharset',
      'UnsupportedContentEncoding',
      'MalformedRequest',
      'EcsUnreachable',
      'EcsTimeout',
      'EcsCredentials',
      'OutcomeUnknown',
      'InvalidScreenshot',
      'InvalidVncUrl',
      'InternalError',
      'StorageUnavailable',
    ];
    for (const code of codes) expect(apiDoc, code).toContain(`\`${code}\``);
    for (const text of [
      'x-console-warning',
      'AuditNotRecorded',
      'x-console-background: 1',
      '`unknown`',
      'audit_entries',
      'nextCursor',
      'text/csv; charset=utf-8',
      '/api/health/ready',
    ]) {
      expect(apiDoc).toContain(text);
    }
  });
});
