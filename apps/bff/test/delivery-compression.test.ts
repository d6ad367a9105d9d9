import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConsole } from '../src/index.js';
import { ADMIN_PASSWORD, startTestConsole } from './support/console-harness.js';
import { sessionCookie } from './support/raw-http.js';
import { varies, wireRequest, type WireResponse } from './support/wire-request.js';

const FLEET = '/api/regions/cn-hangzhou/instances';
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

let consoleApp: RunningConsole;
let cookie: string;

beforeAll(async () => {
  consoleApp = await startTestConsole();
  cookie = await sessionCookie(consoleApp.url, 'admin', ADMIN_PASSWORD);
}, 30_000);
afterAll(() => consoleApp.close());

function get(path: string, headers: Record<string, string> = {}): Promise<WireResponse> {
  return wireRequest(consoleApp.url, path, { cookie, ...headers });
}

interface Fleet {
  readonly instances: { InstanceId: string; Status: string }[];
}

const idsOf = (answer: WireResponse) =>
  (JSON.parse(answer.decoded.toString()) as Fleet).instances.map((instance) => instance.InstanceId);

describe('API answers', () => {
  it('compresses JSON with brotli or gzip as negotiated, decoding to the same list', async () => {
    const raw = await get(FLEET);
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.wire.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      [BROWSER_ENCODINGS, 'br'],
      ['gzip', 'gzip'],
      ['gzip;q=1, br;q=0.2', 'gzip'],
    ] as const) {
      const answer = await get(FLEET, { 'accept-encoding': accept });
      expect(answer.status, accept).toBe(200);
      expect(answer.headers['content-encoding'], accept).toBe(encoding);
      expect(answer.headers['content-type'], accept).toMatch(/^application\/json/);
      expect(varies(answer.headers, 'Accept-Encoding'), accept).toBe(true);
      expect(answer.headers['cache-control'], accept).toBe('no-store');
      expect(answer.wire.length, accept).toBeLessThan(raw.wire.length / 3);
      expect(idsOf(answer), accept).toEqual(idsOf(raw));
    }
  });

  it('sends identity when neither brotli nor gzip is acceptable, still with Vary', async () => {
    for (const accept of ['identity', 'br;q=0, gzip;q=0', 'zstd']) {
      const answer = await get(FLEET, { 'accept-encoding': accept });
      expect(answer.status, accept).toBe(200);
      expect(answer.headers['content-encoding'], accept).toBeUndefined();
      expect(varies(answer.headers, 'Accept-Encoding'), accept).toBe(true);
      expect(idsOf(answer).length, accept).toBeGreaterThan(0);
    }
  });

  it('leaves small answers alone', async () => {
    const health = await get('/api/health', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(health.status).toBe(200);
    expect(health.wire.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.wire.toString())).toMatchObject({ status: 'ok' });
  });

  it('sends a 204 without a body or an encoding', async () => {
    const own = await sessionCookie(consoleApp.url, 'admin', ADMIN_PASSWORD);
    const signOut = await wireRequest(
      consoleApp.url,
      '/api/session',
      { cookie: own, origin: consoleApp.url, 'x-requested-with': 'ecs-console', 'accept-encoding': BROWSER_ENCODINGS },
      'DELETE',
    );
    expect(signOut.status).toBe(204);
    expect(signOut.wire.length).toBe(0);
    expect(signOut.headers['content-encoding']).toBeUndefined();
  }, 20_000);

  it('never compresses a screenshot (PNG or JPEG)', async () => {
    const fleet = JSON.parse((await get(FLEET)).decoded.toString()) as Fleet;
    const running = fleet.instances.find((instance) => instance.Status === 'Running')!;
    const shot = await get(`/api/instances/cn-hangzhou/${running.InstanceId}/screenshot`, {
      'accept-encoding': BROWSER_ENCODINGS,
    });
    expect(shot.status).toBe(200);
    expect(shot.headers['content-type']).toMatch(/^image\/(png|jpeg)$/);
    expect(shot.headers['content-encoding']).toBeUndefined();
    expect(Number(shot.headers['content-length'])).toBe(shot.wire.length);
  });
});

describe('the fleet ETag through compression', () => {
  it('answers If-None-Match with 304, also when the tag comes back weakened or with another encoding', async () => {
    const first = await get(FLEET, { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const strong = etag!.replace(/^W\//, '');
    for (const [ifNoneMatch, accept] of [
      [etag!, 'br'],
      [`W/${strong}`, 'br'],
      [etag!, 'gzip'],
    ] as const) {
      const again = await get(FLEET, { 'accept-encoding': accept, 'if-none-match': ifNoneMatch });
      expect(again.status, `${ifNoneMatch} ${accept}`).toBe(304);
      expect(again.wire.length).toBe(0);
      expect(again.headers['content-encoding']).toBeUndefined();
      expect(again.headers.etag).toBe(etag);
    }
  });

  it('answers a stale ETag with the full, compressed list', async () => {
    const answer = await get(FLEET, { 'accept-encoding': 'br', 'if-none-match': '"not-the-current-version"' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(idsOf(answer).length).toBeGreaterThan(0);
  });
});
