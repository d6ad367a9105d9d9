import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnswer } from '@ecs-console/contract';
import { startEmulator, type RunningEmulator } from '@ecs-console/ecs-emulator';
import { ADMIN_PASSWORD, Browser, startTestConsole } from './support/console-harness.js';

/**
 * A proxy in front of the emulator that passes every call through, except that for the named
 * actions it waits for the emulator's answer and then drops the connection: ECS ran the call, the
 * console never hears back.
 */
async function startDroppingProxy(upstream: string, dropActions: ReadonlySet<string>): Promise<Server> {
  const target = new URL(upstream);
  const server = createServer((incoming, outgoing) => {
    const action =
      (incoming.headers['x-acs-action'] as string | undefined) ??
      new URL(incoming.url ?? '/', 'http://x').searchParams.get('Action') ??
      '';
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        if (dropActions.has(action)) {
          answer.resume();
          answer.once('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => incoming.socket.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

let emulator: RunningEmulator;
let proxy: Server;
let app: Awaited<ReturnType<typeof startTestConsole>>;
let admin: Browser;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 500 });
  proxy = await startDroppingProxy(emulator.url, new Set(['StopInstance']));
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = emulator.credentials.accessKeyId;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = emulator.credentials.accessKeySecret;
  app = await startTestConsole({
    CONSOLE_EMULATOR: 'never',
    ECS_ENDPOINT: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
  });
  admin = new Browser(app.url);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
}, 120_000);
afterAll(async () => {
  delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  await app.close();
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await emulator.close();
});

async function statusOf(id: string): Promise<string> {
  const answer = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', InstanceIds: [id] });
  return (answer.body.Instances as { Instance: { Status: string }[] }).Instance[0]!.Status;
}

describe('a write whose answer is lost', () => {
  it('answers 504 OutcomeUnknown, audits it as unknown, and the write did run', async () => {
    const list = await admin.post('/api/ecs/DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Running' });
    const id = (list.body.Instances as { Instance: { InstanceId: string }[] }).Instance[0]!.InstanceId;

    const answer = await admin.post('/api/ecs/StopInstance', { RegionId: 'cn-hangzhou', InstanceId: id });
    expect(answer.status).toBe(504);
    expect(answer.body.code).toBe('OutcomeUnknown');
    expect(answer.body.message).toMatch(/may have been applied/);
    expect(answer.body.message).toContain(id);

    // It did run: the instance is stopping or stopped.
    expect(['Stopping', 'Stopped']).toContain(await statusOf(id));

    const audit = (await admin.get(`/api/audit?action=StopInstance&resourceId=${id}`)).body as unknown as AuditAnswer;
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      event: 'action',
      action: 'StopInstance',
      resourceIds: [id],
      outcome: 'unknown',
      code: expect.any(String) as unknown,
      // What the client saw go wrong (the connection dropped), for whoever checks the resource later.
      message: expect.any(String) as unknown,
    });
  }, 60_000);
});
