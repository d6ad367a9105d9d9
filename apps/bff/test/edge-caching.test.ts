import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningConsole } from '../src/index.js';
import { ADMIN_PASSWORD, Browser, startConsoleWithStaff, startTestConsole } from './support/console-harness.js';
import { rawRequest, sessionCookie } from './support/raw-http.js';

let consoleApp: RunningConsole & { dataDir: string };
let admin: Browser;
let viewer: Browser;

beforeAll(async () => {
  ({ app: consoleApp, admin, viewer } = await startConsoleWithStaff());
}, 30_000);
afterAll(() => consoleApp.close());

/** What one answer's Cache-Control says, labelled for the failure message. */
interface Seen {
  readonly label: string;
  readonly status: number;
  readonly cacheControl: string | null;
}

function seen(label: string, response: { status: number; headers: Headers }): Seen {
  return { label, status: response.status, cacheControl: response.headers.get('cache-control') };
}

function expectNoStore(answers: readonly Seen[]): void {
  const cached = answers.filter((answer) => answer.cacheControl !== 'no-store');
  expect(cached).toEqual([]);
}

async function runningInstance(): Promise<string> {
  const fleet = await admin.get('/api/regions/cn-hangzhou/instances');
  const instances = fleet.body.instances as { InstanceId: string; Status: string }[];
  return instances.find((instance) => instance.Status === 'Running')!.InstanceId;
}

describe('Cache-Control on /api answers', () => {
  it('is no-store on every successful answer, JSON, empty or binary', async () => {
    const id = await runningInstance();
    const answers: Seen[] = [
      seen('health', await admin.get('/api/health')),
      seen('session', await admin.get('/api/session')),
      seen('users', await admin.get('/api/users')),
      seen('audit', await admin.get('/api/audit?limit=5')),
      seen('fleet', await viewer.get('/api/regions/cn-hangzhou/instances')),
      seen('ecs read', await viewer.post('/api/ecs/DescribeRegions')),
      seen(
        'ecs write',
        // A write that leaves the instance running, so the VNC launch below still works.
        await admin.post('/api/ecs/ModifyInstanceAttribute', {
          RegionId: 'cn-hangzhou',
          InstanceId: id,
          Description: 'cache test',
        }),
      ),
      seen('console output', await viewer.get(`/api/instances/cn-hangzhou/${id}/console-output`)),
      seen('vnc', await admin.post(`/api/instances/cn-hangzhou/${id}/vnc`)),
      seen('screenshot (binary)', await viewer.getBytes(`/api/instances/cn-hangzhou/${id}/screenshot`)),
      seen(
        'user created',
        await admin.post('/api/users', { username: 'cachetest', password: 'cache-test-password-9', role: 'viewer' }),
      ),
      seen('user deleted (204)', await admin.request('DELETE', '/api/users/cachetest')),
    ];
    const login = new Browser(consoleApp.url);
    answers.push(seen('login', await login.login('admin', ADMIN_PASSWORD)));
    answers.push(seen('logout (204)', await login.request('DELETE', '/api/session')));
    expect(answers.filter((answer) => answer.status >= 300)).toEqual([]);
    expectNoStore(answers);
  }, 30_000);

  it('is no-store on every error answer: 400, 401, 403, 404, 413, 415, ECS errors', async () => {
    const anonymous = new Browser(consoleApp.url);
    const answers: Seen[] = [
      seen('401 no session', await anonymous.get('/api/session')),
      seen('401 route', await anonymous.get('/api/regions/cn-hangzhou/instances')),
      seen('401 wrong password', await anonymous.login('admin', 'not-the-password')),
      seen('403 role', await viewer.get('/api/users')),
      seen('403 csrf', await admin.request('POST', '/api/ecs/DescribeRegions', {}, { 'x-requested-with': '' })),
      seen('404 route', await admin.get('/api/no-such-route')),
      seen('404 action', await admin.post('/api/ecs/RunInstances')),
      seen('400 parameter', await admin.post('/api/ecs/DescribeInstances', { RegionId: 'nowhere!' })),
      seen(
        '413',
        await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', InstanceName: 'x'.repeat(300_000) }),
      ),
      seen(
        'ECS 404',
        await admin.post('/api/ecs/StartInstance', { RegionId: 'cn-hangzhou', InstanceId: 'i-doesnotexist0' }),
      ),
    ];
    const cookie = await sessionCookie(consoleApp.url, 'admin', ADMIN_PASSWORD);
    for (const [label, request] of [
      ['400 malformed URL', { method: 'GET', path: '/api/audit?limit=%ZZ' }],
      [
        '400 bad JSON',
        {
          method: 'POST',
          path: '/api/ecs/DescribeRegions',
          body: '{',
          headers: { 'content-type': 'application/json' },
        },
      ],
      [
        '415 media type',
        { method: 'POST', path: '/api/ecs/DescribeRegions', body: 'x', headers: { 'content-type': 'text/plain' } },
      ],
    ] as const) {
      const response = await rawRequest(consoleApp.url, {
        ...request,
        headers: { cookie, 'x-requested-with': 'ecs-console', ...('headers' in request ? request.headers : {}) },
      });
      answers.push({
        label,
        status: response.status,
        cacheControl: (response.headers['cache-control'] as string | undefined) ?? null,
      });
    }
    expect(answers.map((answer) => answer.status)).toEqual([
      401, 401, 401, 403, 403, 404, 404, 400, 413, 404, 400, 400, 415,
    ]);
    expectNoStore(answers);
  }, 30_000);

  it('is no-store on rate-limited answers (429)', async () => {
    const app = await startTestConsole();
    try {
      const browser = new Browser(app.url);
      let last = await browser.login('admin', 'wrong-0');
      for (let attempt = 1; attempt <= 20 && last.status !== 429; attempt++) {
        last = await browser.login('admin', `wrong-${attempt}`);
      }
      expect(last.status).toBe(429);
      expect(last.headers.get('cache-control')).toBe('no-store');
    } finally {
      await app.close();
    }
  }, 60_000);
});
