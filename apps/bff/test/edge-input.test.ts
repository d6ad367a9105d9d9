import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConsole } from '../src/index.js';
import { actionRegistry } from '../src/registry/index.js';
import { ADMIN_PASSWORD, type Browser, startConsoleWithStaff } from './support/console-harness.js';
import { rawRequest, sessionCookie, type RawResponse } from './support/raw-http.js';

let consoleApp: RunningConsole & { dataDir: string };
let admin: Browser;
let adminCookie: string;

beforeAll(async () => {
  ({ app: consoleApp, admin } = await startConsoleWithStaff());
  adminCookie = await sessionCookie(consoleApp.url, 'admin', ADMIN_PASSWORD);
}, 30_000);
afterAll(() => consoleApp.close());

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

/** A request as the signed-in admin's browser would send it, but with whatever path, headers and body. */
function asAdmin(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer) {
  return rawRequest(consoleApp.url, {
    method,
    path,
    headers: { cookie: adminCookie, 'x-requested-with': 'ecs-console', ...headers },
    body,
  });
}

describe('lone UTF-16 surrogates in JSON bodies', () => {
  it('answer a prompt 400 InvalidParameter naming the parameter, for every parameter of every ECS action', async () => {
    const failures: string[] = [];
    for (const [action, entry] of Object.entries(actionRegistry)) {
      for (const key of Object.keys(entry.schema.shape)) {
        const body =
          key === 'RegionId' ? { RegionId: `cn-${LONE_HIGH}` } : { RegionId: 'cn-hangzhou', [key]: LONE_HIGH };
        const response = await admin.post(`/api/ecs/${action}`, body);
        // The BFF's own check, not a failure further down (the ECS client refuses such text too).
        if (
          response.status !== 400 ||
          response.body.code !== 'InvalidParameter' ||
          !String(response.body.message).includes(key) ||
          !String(response.body.message).includes('not valid Unicode')
        ) {
          failures.push(`${action}.${key}: ${response.status} ${response.text}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('names nested parameters and parameter names, and never echoes the broken text', async () => {
    const nested = await admin.post('/api/ecs/DescribeInstances', {
      RegionId: 'cn-hangzhou',
      Tag: [{ Key: 'team', Value: `ops${LONE_LOW}` }],
    });
    expect(nested.status).toBe(400);
    expect(nested.body).toMatchObject({ code: 'InvalidParameter' });
    expect(nested.body.message).toContain('Tag.0.Value');
    expect(typeof nested.body.requestId).toBe('string');

    const badName = await admin.post('/api/ecs/DescribeInstances', {
      RegionId: 'cn-hangzhou',
      [`Name${LONE_HIGH}`]: 1,
    });
    expect(badName.status).toBe(400);
    expect(badName.body.code).toBe('InvalidParameter');
    expect(badName.text).not.toMatch(/\\ud800/i);

    // A surrogate pair is a real character (here an emoji) and goes through to ECS.
    const paired = await admin.post('/api/ecs/DescribeInstances', {
      RegionId: 'cn-hangzhou',
      InstanceName: 'db-\ud83d\ude00',
    });
    expect(paired.status).toBe(200);
  });

  it('are refused in user names and passwords too', async () => {
    const login = await admin.post('/api/session', { username: `ad${LONE_HIGH}min`, password: ADMIN_PASSWORD });
    expect(login.status).toBe(400);
    expect(login.body).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('username') as unknown,
    });
    const create = await admin.post('/api/users', {
      username: 'newuser',
      password: `long-enough-password-${LONE_LOW}`,
      role: 'viewer',
    });
    expect(create.status).toBe(400);
    expect(create.body.message).toContain('password');
    const change = await admin.request('PUT', '/api/session/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: `another-long-password-${LONE_HIGH}`,
    });
    expect(change.status).toBe(400);
    expect(change.body).toMatchObject({ code: 'InvalidParameter' });
    expect(change.body.message).toContain('newPassword');
  });
});

describe('deeply nested JSON', () => {
  it('is checked without exhausting the stack: a 400, not a 500', async () => {
    const depth = 120_000;
    const body = `${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`;
    const response = await asAdmin('POST', '/api/ecs/DescribeRegions', { 'content-type': 'application/json' }, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('InvalidParameter');
  });
});

describe('malformed URLs', () => {
  it('answer 400 MalformedRequest for broken %-escapes in the path or the query', async () => {
    for (const [method, path] of [
      ['PATCH', '/api/users/%E0%A4%A'],
      ['DELETE', '/api/users/%E0%A4%A'],
      ['GET', '/api/audit?limit=%ZZ'],
      ['GET', '/api/audit?limit=%ED%A0%80'],
      ['GET', '/api/regions/cn-%ZZ/instances'],
      ['GET', '/api/instances/cn-hangzhou/i-%C0%AF/screenshot'],
      ['POST', '/api/ecs/Describe%E2%82Regions'],
      ['GET', '/api/session?%=1'],
    ] as const) {
      const response = await asAdmin(
        method,
        path,
        method === 'GET' ? {} : { 'content-type': 'application/json' },
        method === 'GET' ? undefined : '{}',
      );
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(response.body.code, `${method} ${path}`).toBe('MalformedRequest');
    }
  });

  it('still take well-formed escapes', async () => {
    const response = await asAdmin('GET', '/api/audit?limit=%35');
    expect(response.status).toBe(200);
  });
});

describe('bodies the console does not read', () => {
  const json = '{"RegionId":"cn-hangzhou"}';

  it('answer 415 UnsupportedCharset for JSON in a charset other than UTF', async () => {
    const response = await asAdmin(
      'POST',
      '/api/ecs/DescribeRegions',
      { 'content-type': 'application/json; charset=latin1' },
      json,
    );
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UnsupportedCharset');
  });

  it('answer 415 UnsupportedContentEncoding for an encoding other than gzip, deflate or br', async () => {
    const response = await asAdmin(
      'POST',
      '/api/ecs/DescribeRegions',
      { 'content-type': 'application/json', 'content-encoding': 'compress' },
      json,
    );
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UnsupportedContentEncoding');
    // Refused on every Node version, although newer ones could inflate it.
    const zstd = await asAdmin(
      'POST',
      '/api/ecs/DescribeRegions',
      { 'content-type': 'application/json', 'content-encoding': 'zstd' },
      '{}',
    );
    expect(zstd.status).toBe(415);
    expect(zstd.body.code).toBe('UnsupportedContentEncoding');
    const gzipped = await asAdmin(
      'POST',
      '/api/ecs/DescribeRegions',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync('{}'),
    );
    expect(gzipped.status).toBe(200);
  });

  it('answer 400 MalformedRequest for a body that does not decode as its encoding says', async () => {
    const response = await asAdmin(
      'POST',
      '/api/ecs/DescribeRegions',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      json,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MalformedRequest');
  });

  it('answer 415 UnsupportedMediaType for a body that is not JSON, instead of ignoring it', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const response = await asAdmin('POST', '/api/ecs/DescribeRegions', type ? { 'content-type': type } : {}, json);
      expect(response.status, String(type)).toBe(415);
      expect(response.body.code, String(type)).toBe('UnsupportedMediaType');
    }
  });

  it('still take requests without a body, with or without a content type', async () => {
    const response = await asAdmin('POST', '/api/ecs/DescribeRegions', {}, '');
    expect(response.status).toBe(200);
    const typed = await asAdmin('POST', '/api/ecs/DescribeRegions', { 'content-type': 'text/plain' });
    expect(typed.status).toBe(200);
  });
});

/** Every route the API serves, with a sample value for each path parameter. */
const ROUTES: readonly (readonly [method: string, path: string])[] = [
  ['GET', '/api/health'],
  ['GET', '/api/session'],
  ['POST', '/api/session'],
  ['DELETE', '/api/session'],
  ['PUT', '/api/session/password'],
  ...Object.keys(actionRegistry).map((action) => ['POST', `/api/ecs/${action}`] as const),
  ['GET', '/api/regions/cn-hangzhou/instances'],
  ['GET', '/api/instances/cn-hangzhou/i-bp1abcdef0123/screenshot'],
  ['GET', '/api/instances/cn-hangzhou/i-bp1abcdef0123/console-output'],
  ['POST', '/api/instances/cn-hangzhou/i-bp1abcdef0123/vnc'],
  ['GET', '/api/audit'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/admin'],
  ['DELETE', '/api/users/admin'],
  ['GET', '/api/no-such-route'],
];

interface BadInput {
  readonly name: string;
  readonly status: number;
  readonly code: string;
  request(method: string, path: string): Promise<RawResponse>;
}

/** The last path segment replaced by a broken escape (UTF-8 cut short). */
const brokenLastSegment = (path: string) => path.replace(/\/[^/]+$/, '/%E0%A4%A');

const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'broken path escape',
    status: 400,
    code: 'MalformedRequest',
    request: (m, p) => asAdmin(m, brokenLastSegment(p)),
  },
  {
    name: 'broken query escape',
    status: 400,
    code: 'MalformedRequest',
    request: (m, p) => asAdmin(m, `${p}?limit=%ZZ`),
  },
  {
    name: 'escaped lone surrogate in the query',
    status: 400,
    code: 'MalformedRequest',
    request: (m, p) => asAdmin(m, `${p}?q=%ED%B0%80`),
  },
  {
    name: 'lone surrogate in a JSON value',
    status: 400,
    code: 'InvalidParameter',
    request: (m, p) =>
      asAdmin(m, p, { 'content-type': 'application/json' }, '{"RegionId":"cn-hangzhou","username":"\\ud800"}'),
  },
  {
    name: 'lone surrogate in a JSON name',
    status: 400,
    code: 'InvalidParameter',
    request: (m, p) => asAdmin(m, p, { 'content-type': 'application/json' }, '[{"\\udfff":1}]'),
  },
  {
    name: 'latin1 JSON',
    status: 415,
    code: 'UnsupportedCharset',
    request: (m, p) => asAdmin(m, p, { 'content-type': 'application/json; charset=latin1' }, '{"a":"\u00e9"}'),
  },
  {
    name: 'unknown content encoding',
    status: 415,
    code: 'UnsupportedContentEncoding',
    request: (m, p) => asAdmin(m, p, { 'content-type': 'application/json', 'content-encoding': 'x-snappy' }, '{}'),
  },
  {
    name: 'text body',
    status: 415,
    code: 'UnsupportedMediaType',
    request: (m, p) => asAdmin(m, p, { 'content-type': 'text/plain' }, 'RegionId=cn-hangzhou'),
  },
];

describe('fuzzing every route with malformed input', () => {
  it('never answers 5xx or InternalError, and answers each kind of bad input with its own code', async () => {
    const wrong: string[] = [];
    for (const [method, path] of ROUTES) {
      for (const input of BAD_INPUTS) {
        const response = await input.request(method, path);
        if (response.status !== input.status || response.body.code !== input.code) {
          wrong.push(`${method} ${path} with ${input.name}: ${response.status} ${response.text.slice(0, 200)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The admin was neither logged out nor deleted along the way.
    expect((await asAdmin('GET', '/api/users')).status).toBe(200);
  }, 120_000);
});
