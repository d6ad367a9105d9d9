import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/storage/migrations.js';
import { Browser, startTestConsole } from './support/console-harness.js';
import { freshServerUrl } from './support/databases.js';
import { TcpProxy } from './support/tcp-proxy.js';

/**
 * The console runs on a PostgreSQL server reached through a TCP proxy the test controls, so "the
 * database" can go away (refused connections, or connections that pass nothing) and come back
 * while the console keeps running: what a load balancer's health checks must see.
 */
let proxy: TcpProxy;
let app: Awaited<ReturnType<typeof startTestConsole>>;
let anonymous: Browser;

beforeAll(async () => {
  const started = await TcpProxy.start(await freshServerUrl());
  proxy = started.proxy;
  app = await startTestConsole({ CONSOLE_DATABASE_URL: started.proxiedUrl });
  anonymous = new Browser(app.url);
}, 120_000);
afterAll(async () => {
  await app.close();
  await proxy.close();
});

const up = {
  status: 'ok',
  ready: true,
  backend: 'emulator',
  database: {
    kind: 'server',
    reachable: true,
    schemaVersion: SCHEMA_VERSION,
    latencyMs: expect.any(Number) as unknown,
  },
};
const down = {
  status: 'degraded',
  ready: false,
  backend: 'emulator',
  database: { kind: 'server', reachable: false, schemaVersion: SCHEMA_VERSION },
};

describe('health and readiness', () => {
  it('are ok and ready, without a session, while the database answers', async () => {
    const health = await anonymous.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual(up);
    const ready = await anonymous.get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual(up);
  });

  it('say degraded and not ready (503 StorageUnavailable) while the database is down, and recover', async () => {
    await proxy.refuse();
    try {
      const health = await anonymous.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual(down);
      const ready = await anonymous.get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({
        ...down,
        code: 'StorageUnavailable',
        message: expect.stringContaining('database') as unknown,
        requestId: ready.headers.get('x-request-id'),
      });
    } finally {
      await proxy.forward();
    }
    expect((await anonymous.get('/api/health/ready')).body).toEqual(up);
  });

  it('say not ready when the database does not answer within the check’s time', async () => {
    // Connections stay open but nothing comes back: the check gives up after ~2 s.
    proxy.hang();
    try {
      const ready = await anonymous.get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ...down, code: 'StorageUnavailable' });
      expect((await anonymous.get('/api/health')).body).toEqual(down);
    } finally {
      await proxy.forward();
    }
    expect((await anonymous.get('/api/health')).body).toEqual(up);
  }, 60_000);
});

describe('health on the embedded database', () => {
  it('reports the embedded kind and its schema version', async () => {
    const embedded = await startTestConsole({ CONSOLE_DATABASE_URL: '' });
    try {
      const ready = await new Browser(embedded.url).get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ ...up, database: { ...up.database, kind: 'embedded' } });
    } finally {
      await embedded.close();
    }
  }, 120_000);
});
