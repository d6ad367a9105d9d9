import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vncConnectSources } from '../src/console.js';
import { imageTypeOf } from '../src/diagnostics/image-type.js';
import { loadConfig, type RunningConsole } from '../src/index.js';
import {
  ADMIN_PASSWORD,
  Browser,
  memoryLogger,
  startConsoleWithStaff,
  startTestConsole,
  storedAuditEntries,
} from './support/console-harness.js';

let consoleApp: RunningConsole & { dataDir: string };
let admin: Browser;
let operator: Browser;
let viewer: Browser;

beforeAll(async () => {
  ({ app: consoleApp, admin, operator, viewer } = await startConsoleWithStaff());
}, 120_000);
afterAll(() => consoleApp.close());

interface FleetInstance {
  readonly InstanceId: string;
  readonly Status: string;
  readonly OSType: string;
}

/** The first instance of cn-hangzhou with this status and operating system. */
/**
 * The `nth` instance of that status and OS. Screenshots of one instance are limited to one every
 * few seconds, so tests that take screenshots use different instances.
 */
async function anInstance(
  status: 'Running' | 'Stopped',
  osType: 'linux' | 'windows' = 'linux',
  nth = 0,
): Promise<string> {
  const fleet = await admin.get('/api/regions/cn-hangzhou/instances');
  const found = (fleet.body.instances as FleetInstance[]).filter(
    (instance) => instance.Status === status && instance.OSType === osType,
  )[nth];
  if (!found) throw new Error(`the emulated estate has no ${status} ${osType} instance in cn-hangzhou`);
  return found.InstanceId;
}

const ECS_REQUEST_ID = /^[0-9A-F-]{36}$/;
const PAGE_PREFIX = 'https://g.alicdn.com/aliyun/ecs-console-vnc2/0.0.8/index.html?';

describe('screenshot', () => {
  it('tells PNG from JPEG by their first bytes, and neither from anything else', () => {
    expect(imageTypeOf(Buffer.from('iVBORw0KGgoAAAANSUhEUg==', 'base64'))).toBe('image/png');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe('image/jpeg');
    expect(imageTypeOf(Buffer.from('<html>'))).toBeUndefined();
  });

  it('returns the decoded image with its content type, no-store and the capture time', async () => {
    const id = await anInstance('Running');
    const before = Date.now();
    const response = await viewer.getBytes(`/api/instances/cn-hangzhou/${id}/screenshot?wakeUp=true`);
    expect(response.status).toBe(200);
    // JPEG, as ECS answers by default (the emulator's default too).
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const capturedAt = Date.parse(response.headers.get('x-captured-at')!);
    expect(capturedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(capturedAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("says a stopped instance is not running, with ECS's code and RequestId", async () => {
    const id = await anInstance('Stopped');
    const response = await viewer.get(`/api/instances/cn-hangzhou/${id}/screenshot`);
    expect(response.status).toBe(405);
    expect(response.body).toEqual({
      code: 'IncorrectInstanceStatus',
      message: 'The instance is not running: screenshots need a running instance.',
      requestId: expect.stringMatching(ECS_REQUEST_ID) as unknown,
    });
  });

  it('answers 429 with a clear message when ECS throttles screenshots', async () => {
    const id = await anInstance('Running');
    // The client retries throttling a few times; every attempt is refused.
    consoleApp.backend.emulator!.control.injectError({
      action: 'GetInstanceScreenshot',
      code: 'Throttling',
      httpStatus: 400,
      count: 10,
    });
    try {
      const response = await viewer.get(`/api/instances/cn-hangzhou/${id}/screenshot`);
      expect(response.status).toBe(429);
      expect(response.body).toMatchObject({
        code: 'Throttling',
        message: 'Screenshots are limited to one every few seconds per instance; try again shortly.',
        requestId: expect.stringMatching(ECS_REQUEST_ID) as unknown,
      });
    } finally {
      consoleApp.backend.emulator!.control.reset({ keepState: true });
    }
  });

  it('rejects bad path parameters and unknown or malformed query parameters', async () => {
    const id = await anInstance('Running');
    const badId = await viewer.get('/api/instances/cn-hangzhou/not-an-instance/screenshot');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('instanceId') as unknown,
    });
    expect((await viewer.get(`/api/instances/Hangzhou/${id}/screenshot`)).body.message).toContain('regionId');
    const unknown = await viewer.get(`/api/instances/cn-hangzhou/${id}/screenshot?colour=blue`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('colour');
    expect((await viewer.get(`/api/instances/cn-hangzhou/${id}/screenshot?wakeUp=yes`)).status).toBe(400);
  });
});

describe('console output', () => {
  it('returns the decoded text and the last update time', async () => {
    const id = await anInstance('Running');
    const response = await viewer.get(`/api/instances/cn-hangzhou/${id}/console-output?removeSymbols=true`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ instanceId: id, lastUpdateTime: expect.any(String) as unknown });
    expect(response.body.text).toContain('login:');
    expect(Number.isNaN(Date.parse(response.body.lastUpdateTime as string))).toBe(false);
  });

  it('explains that Windows instances have no console output', async () => {
    const id = await anInstance('Running', 'windows');
    const response = await viewer.get(`/api/instances/cn-hangzhou/${id}/console-output`);
    expect(response.status).toBe(405);
    expect(response.body).toEqual({
      code: 'NotSupported',
      message: 'Windows instances have no serial console output; use a screenshot or the VNC console.',
      requestId: expect.stringMatching(ECS_REQUEST_ID) as unknown,
    });
  });

  it('explains that a stopped instance has no current console output', async () => {
    const id = await anInstance('Stopped');
    const response = await viewer.get(`/api/instances/cn-hangzhou/${id}/console-output`);
    expect(response.body).toMatchObject({
      code: 'IncorrectInstanceStatus',
      message: 'The instance is not running, so there is no current console output.',
    });
  });
});

describe('VNC launch', () => {
  it('is for operators: a viewer may take screenshots but not open a console', async () => {
    const id = await anInstance('Running', 'linux', 1);
    expect((await viewer.getBytes(`/api/instances/cn-hangzhou/${id}/screenshot`)).status).toBe(200);
    const denied = await viewer.post(`/api/instances/cn-hangzhou/${id}/vnc`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('Forbidden');
  });

  it('returns the WebSocket URL and the official page URL, and audits who opened it without the URL', async () => {
    const id = await anInstance('Running');
    const before = Date.now();
    const response = await operator.post(`/api/instances/cn-hangzhou/${id}/vnc`, {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { websocketUrl, consoleUrl, isWindows, expiresAt } = response.body as Record<string, string | boolean>;
    expect(websocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/websockify\/\?s=/);
    expect(isWindows).toBe(false);
    expect(consoleUrl).toMatch(new RegExp(`^${PAGE_PREFIX.replace(/[.?]/g, '\\$&')}vncUrl=ws%3A%2F%2F`));
    expect(consoleUrl).toContain(`&instanceId=${id}`);
    expect(consoleUrl).toContain('&isWindows=false');
    // The page reads the address encoded once, as ECS returned it.
    expect(new URL(consoleUrl as string).searchParams.get('vncUrl')).toBe(websocketUrl);
    const expires = Date.parse(expiresAt as string);
    expect(expires).toBeGreaterThanOrEqual(before + 15_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 15_000);

    const token = new URL(websocketUrl as string).searchParams.get('s')!;
    const stored = await storedAuditEntries(consoleApp.db);
    const lines = stored.map((entry) => JSON.stringify(entry));
    expect(stored.at(-1)).toMatchObject({
      user: 'olga',
      role: 'operator',
      event: 'action',
      action: 'OpenVncConsole',
      regionId: 'cn-hangzhou',
      resourceIds: [id],
      params: {},
      outcome: 'success',
      requestId: expect.stringMatching(ECS_REQUEST_ID) as unknown,
    });
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).not.toContain('websockify');
  });

  it('says isWindows=true for a Windows instance', async () => {
    const id = await anInstance('Running', 'windows');
    const response = await operator.post(`/api/instances/cn-hangzhou/${id}/vnc`);
    expect(response.body.isWindows).toBe(true);
    expect(response.body.consoleUrl).toContain('&isWindows=true');
  });

  it("passes ECS's error through for a stopped instance and audits the failure", async () => {
    const id = await anInstance('Stopped');
    const response = await operator.post(`/api/instances/cn-hangzhou/${id}/vnc`);
    expect(response.body).toMatchObject({
      code: 'IncorrectInstanceStatus',
      requestId: expect.stringMatching(ECS_REQUEST_ID) as unknown,
    });
    const audit = await admin.get('/api/audit?limit=1');
    expect((audit.body.entries as unknown[])[0]).toMatchObject({
      action: 'OpenVncConsole',
      resourceIds: [id],
      outcome: 'failure',
      code: 'IncorrectInstanceStatus',
      message: response.body.message,
      requestId: response.body.requestId,
    });
  });

  it('takes an empty body only', async () => {
    const id = await anInstance('Running');
    const response = await operator.post(`/api/instances/cn-hangzhou/${id}/vnc`, { password: 'abc123' });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('password');
  });

  it("lets the embedded viewer connect to the emulator's WebSocket origin (CSP connect-src)", async () => {
    const response = await viewer.get('/api/health');
    const csp = response.headers.get('content-security-policy')!;
    const connectSrc = csp.split(';').find((directive) => directive.trim().startsWith('connect-src'))!;
    const origin = new URL(consoleApp.backend.emulator!.url);
    expect(connectSrc.trim().split(/\s+/)).toEqual(['connect-src', "'self'", `ws://${origin.host}`]);
  });
});

describe('VNC URLs in logs', () => {
  it('never appear, even at trace level', async () => {
    const { logger, lines } = memoryLogger();
    const app = await startTestConsole({}, logger);
    try {
      const browser = new Browser(app.url);
      await browser.login('admin', ADMIN_PASSWORD);
      const fleet = await browser.get('/api/regions/cn-hangzhou/instances');
      const running = (fleet.body.instances as FleetInstance[]).find((instance) => instance.Status === 'Running')!;
      const response = await browser.post(`/api/instances/cn-hangzhou/${running.InstanceId}/vnc`);
      expect(response.status).toBe(200);
      const token = new URL(response.body.websocketUrl as string).searchParams.get('s')!;
      const log = lines.join('');
      expect(log).toContain(`/api/instances/cn-hangzhou/${running.InstanceId}/vnc`);
      expect(log).not.toContain(token);
      expect(log).not.toContain(encodeURIComponent(token));
      expect(log).not.toContain('websockify');
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('configuration', () => {
  it("allows Alibaba Cloud's VNC proxies, and an ECS_ENDPOINT's own host, when there is no embedded emulator", () => {
    const backend = (kind: 'cloud' | 'endpoint') => ({
      kind,
      client: consoleApp.backend.client,
      close: () => Promise.resolve(),
    });
    const base = { CONSOLE_DATA_DIR: tmpdir() };
    // Over plain HTTP the documented ws:// proxy addresses too; over HTTPS only wss://.
    expect(vncConnectSources(backend('cloud'), loadConfig(base))).toEqual([
      'wss://*.aliyun.com',
      'wss://*.aliyuncs.com',
      'ws://*.aliyun.com',
    ]);
    expect(
      vncConnectSources(backend('cloud'), loadConfig({ ...base, CONSOLE_PUBLIC_URL: 'https://console.example.com' })),
    ).toEqual(['wss://*.aliyun.com', 'wss://*.aliyuncs.com']);
    expect(
      vncConnectSources(backend('endpoint'), loadConfig({ ...base, ECS_ENDPOINT: 'http://10.0.0.5:9000/' })),
    ).toEqual(['wss://*.aliyun.com', 'wss://*.aliyuncs.com', 'ws://*.aliyun.com', 'ws://10.0.0.5:9000']);
  });

  it('takes the VNC page version as digits and dots only', () => {
    const base = { CONSOLE_DATA_DIR: tmpdir() };
    expect(loadConfig(base).CONSOLE_VNC_PAGE_VERSION).toBe('0.0.8');
    expect(loadConfig({ ...base, CONSOLE_VNC_PAGE_VERSION: '0.1.2' }).CONSOLE_VNC_PAGE_VERSION).toBe('0.1.2');
    expect(() => loadConfig({ ...base, CONSOLE_VNC_PAGE_VERSION: '0.0.8/../x' })).toThrow(/CONSOLE_VNC_PAGE_VERSION/);
  });
});
