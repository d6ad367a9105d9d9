import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@ecs-console/ecs-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, startConsole, type RunningConsole } from '../src/index.js';
import { createLogger } from '../src/logger.js';
import { ADMIN_PASSWORD, Browser } from './support/console-harness.js';
import { connectSources, parsePolicy, policyAllowsConnect } from './support/csp.js';

/** A built-SPA stand-in, so the console serves a page and its headers as in production. */
async function webRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ecs-console-web-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ECS Console</title><div id="root"></div>');
  return root;
}

async function startWithPage(env: Record<string, string>): Promise<RunningConsole> {
  const config = loadConfig({
    PORT: '0',
    CONSOLE_DATA_DIR: await mkdtemp(join(tmpdir(), 'ecs-console-test-')),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CONSOLE_EMULATOR: 'always',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startConsole(config, createLogger(config.LOG_LEVEL), { webRoot: await webRoot() });
}

/** The security headers of the page and of an API answer. */
async function headersOf(app: RunningConsole): Promise<Headers[]> {
  const page = await fetch(`${app.url}/instances`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('ECS Console');
  const api = await fetch(`${app.url}/api/health`);
  expect(api.status).toBe(200);
  return [page.headers, api.headers];
}

describe('served over plain HTTP (the default)', () => {
  it('sends neither HSTS nor upgrade-insecure-requests, so the page loads under any host name', async () => {
    const settings: Record<string, string>[] = [{}, { CONSOLE_PUBLIC_URL: 'http://console.internal.example:8080' }];
    for (const env of settings) {
      const app = await startWithPage(env);
      try {
        for (const headers of await headersOf(app)) {
          expect(headers.get('strict-transport-security'), JSON.stringify(env)).toBeNull();
          const policy = parsePolicy(headers.get('content-security-policy')!);
          expect(policy.has('upgrade-insecure-requests'), JSON.stringify(env)).toBe(false);
          expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
          expect(headers.get('x-frame-options')).toBe('DENY');
        }
      } finally {
        await app.close();
      }
    }
  }, 30_000);
});

describe('served over HTTPS', () => {
  it('sends HSTS and upgrade-insecure-requests with secure cookies on, or an https public URL', async () => {
    const settings: Record<string, string>[] = [
      { CONSOLE_SECURE_COOKIES: 'true' },
      { CONSOLE_PUBLIC_URL: 'https://ecs-console.example.com' },
    ];
    for (const env of settings) {
      const app = await startWithPage(env);
      try {
        for (const headers of await headersOf(app)) {
          expect(headers.get('strict-transport-security'), JSON.stringify(env)).toMatch(/max-age=\d{7,}/);
          const policy = parsePolicy(headers.get('content-security-policy')!);
          expect(policy.get('upgrade-insecure-requests'), JSON.stringify(env)).toEqual([]);
          expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
          expect(headers.get('x-frame-options')).toBe('DENY');
        }
      } finally {
        await app.close();
      }
    }
  }, 30_000);

  it('makes an https public URL mean Secure cookies too', async () => {
    const app = await startWithPage({ CONSOLE_PUBLIC_URL: 'https://ecs-console.example.com' });
    try {
      const response = await new Browser(app.url).login('admin', ADMIN_PASSWORD);
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ecs_console_session='))!;
      expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  }, 30_000);
});

describe('CONSOLE_PUBLIC_URL', () => {
  it('takes an http or https URL and names itself when bad', () => {
    const base = { CONSOLE_DATA_DIR: tmpdir() };
    expect(loadConfig({ ...base, CONSOLE_PUBLIC_URL: 'https://console.example.com/' }).CONSOLE_PUBLIC_URL).toBe(
      'https://console.example.com/',
    );
    expect(() => loadConfig({ ...base, CONSOLE_PUBLIC_URL: 'ftp://console.example.com' })).toThrow(
      /CONSOLE_PUBLIC_URL/,
    );
    expect(() => loadConfig({ ...base, CONSOLE_PUBLIC_URL: 'console.example.com' })).toThrow(ConfigError);
  });

  it('refuses an http public URL with secure cookies: browsers would never send the cookie back', () => {
    expect(() =>
      loadConfig({
        CONSOLE_DATA_DIR: tmpdir(),
        CONSOLE_PUBLIC_URL: 'http://console.example.com',
        CONSOLE_SECURE_COOKIES: 'true',
      }),
    ).toThrow(/CONSOLE_PUBLIC_URL/);
  });
});

describe("the embedded VNC viewer against Alibaba Cloud's VNC proxy addresses", () => {
  // An ECS endpoint (the emulator, standing in for ECS) that answers DescribeInstanceVncUrl as ECS
  // documents it: `ws://hz01-vncproxy.aliyun.com/websockify/?s=<ticket>`, URL-encoded.
  let ecs: RunningEmulator;
  let app: RunningConsole;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    ecs = await startEmulator({ vncPublicUrl: 'ws://hz01-vncproxy.aliyun.com', speed: 500 });
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = ecs.credentials.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = ecs.credentials.accessKeySecret;
    app = await startWithPage({ CONSOLE_EMULATOR: 'auto', ECS_ENDPOINT: ecs.url });
  }, 30_000);
  afterAll(async () => {
    process.env = savedEnv;
    await app?.close();
    await ecs?.close();
  });

  it("lets the page connect to the address the VNC route returns, and to no other site's WebSocket", async () => {
    expect(app.backend.kind).toBe('endpoint');
    const page = await fetch(`${app.url}/`);
    const csp = page.headers.get('content-security-policy')!;
    expect(connectSources(parsePolicy(csp))).toBeDefined();

    const operator = new Browser(app.url);
    expect((await operator.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const listed = await operator.post('/api/ecs/DescribeInstances', {
      RegionId: 'cn-hangzhou',
      Status: 'Running',
      PageSize: 1,
    });
    const instanceId = (listed.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;
    const launch = await operator.post(`/api/instances/cn-hangzhou/${instanceId}/vnc`);
    expect(launch.status).toBe(200);
    const websocketUrl = launch.body.websocketUrl as string;
    expect(websocketUrl).toMatch(/^ws:\/\/hz01-vncproxy\.aliyun\.com\/websockify\/\?s=/);

    const pageUrl = `${app.url}/instances/cn-hangzhou/${instanceId}`;
    expect(policyAllowsConnect(csp, websocketUrl, pageUrl)).toBe(true);
    // The same proxy over TLS, other documented proxy regions, and ECS's own domain.
    expect(policyAllowsConnect(csp, websocketUrl.replace(/^ws:/, 'wss:'), pageUrl)).toBe(true);
    expect(policyAllowsConnect(csp, 'wss://sh01-vncproxy.aliyun.com/websockify/?s=x', pageUrl)).toBe(true);
    expect(policyAllowsConnect(csp, 'wss://ecs-vnc.cn-hangzhou.aliyuncs.com/websockify/?s=x', pageUrl)).toBe(true);
    // Nothing else: not another site, not a look-alike, not the apex, not another port.
    for (const blocked of [
      'wss://vncproxy.attacker.example/websockify/?s=x',
      'wss://hz01-vncproxy.aliyun.com.attacker.example/websockify/?s=x',
      'wss://evilaliyun.com/websockify/?s=x',
      'ws://vncproxy.attacker.example/websockify/?s=x',
      'wss://hz01-vncproxy.aliyun.com:8443/websockify/?s=x',
      'https://attacker.example/collect',
    ]) {
      expect(policyAllowsConnect(csp, blocked, pageUrl), blocked).toBe(false);
    }
    // The page's own API stays reachable.
    expect(policyAllowsConnect(csp, `${app.url}/api/session`, pageUrl)).toBe(true);
  }, 30_000);

  it('served over HTTPS, upgrades the documented ws:// address and allows only its wss:// form', async () => {
    const secure = await startWithPage({
      CONSOLE_EMULATOR: 'auto',
      ECS_ENDPOINT: ecs.url,
      CONSOLE_PUBLIC_URL: 'https://console.example.com',
    });
    try {
      const csp = (await fetch(`${secure.url}/`)).headers.get('content-security-policy')!;
      expect(parsePolicy(csp).has('upgrade-insecure-requests')).toBe(true);
      const pageUrl = 'https://console.example.com/instances/cn-hangzhou/i-1';
      expect(policyAllowsConnect(csp, 'wss://hz01-vncproxy.aliyun.com/websockify/?s=x', pageUrl)).toBe(true);
      // What the browser would send without the upgrade: keystrokes in clear from an HTTPS page.
      expect(policyAllowsConnect(csp, 'ws://hz01-vncproxy.aliyun.com/websockify/?s=x', pageUrl)).toBe(false);
    } finally {
      await secure.close();
    }
  }, 30_000);
});

describe('the CSP matcher itself', () => {
  const page = 'http://127.0.0.1:8080/instances';
  it('follows CSP Level 3 for the expressions the console uses', () => {
    const csp = "default-src 'self'; connect-src 'self' ws://127.0.0.1:9000 wss://*.aliyun.com";
    expect(policyAllowsConnect(csp, 'ws://127.0.0.1:8080/x', page)).toBe(true);
    expect(policyAllowsConnect(csp, 'ws://127.0.0.1:9000/websockify', page)).toBe(true);
    expect(policyAllowsConnect(csp, 'ws://127.0.0.1:9001/websockify', page)).toBe(false);
    expect(policyAllowsConnect(csp, 'wss://a.b.aliyun.com/', page)).toBe(true);
    expect(policyAllowsConnect(csp, 'wss://aliyun.com/', page)).toBe(false);
    expect(policyAllowsConnect("connect-src 'none'", 'http://127.0.0.1:8080/', page)).toBe(false);
    expect(policyAllowsConnect("default-src 'self'", 'wss://x.aliyun.com/', page)).toBe(false);
    expect(policyAllowsConnect("connect-src https:; connect-src 'none'", 'wss://x.example/', page)).toBe(true);
  });
});
