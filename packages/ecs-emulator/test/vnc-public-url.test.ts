import { describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';
import { startEmulator, type EmulatorOptions } from '../src/index.js';
import { RfbClient } from './support/rfb-client.js';

/** Starts an emulator, asks it for a Running instance's VNC address, and hands both to `use`. */
async function withVncUrl(
  options: EmulatorOptions,
  use: (answer: { vncUrl: string; emulatorUrl: string }) => Promise<void> | void,
): Promise<void> {
  const ecs = await startEmulator(options);
  const client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });
  try {
    const running = await client.call('DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Running', PageSize: 1 });
    const { VncUrl } = await client.call('DescribeInstanceVncUrl', {
      RegionId: 'cn-hangzhou',
      InstanceId: running.Instances.Instance[0]!.InstanceId,
    });
    await use({ vncUrl: VncUrl, emulatorUrl: ecs.url });
  } finally {
    await client.close();
    await ecs.close();
  }
}

describe('DescribeInstanceVncUrl addresses', () => {
  it("point at the emulator's own ws://host:port by default", async () => {
    await withVncUrl({}, ({ vncUrl, emulatorUrl }) => {
      const host = new URL(emulatorUrl).host;
      const ticket = /s=([\w-]+)$/.exec(decodeURIComponent(vncUrl))![1]!;
      expect(vncUrl).toBe(encodeURIComponent(`ws://${host}/websockify/?s=${ticket}`));
    });
  });

  it('have the real shape under vncPublicUrl, and the ticket opens the console on the emulator', async () => {
    await withVncUrl({ vncPublicUrl: 'wss://hz01-vncproxy.aliyun.com' }, async ({ vncUrl, emulatorUrl }) => {
      const decoded = decodeURIComponent(vncUrl);
      const ticket = /^wss:\/\/hz01-vncproxy\.aliyun\.com\/websockify\/\?s=([\w-]+)$/.exec(decoded)?.[1];
      expect(ticket, decoded).toBeDefined();
      expect(vncUrl).toBe(encodeURIComponent(`wss://hz01-vncproxy.aliyun.com/websockify/?s=${ticket}`));
      // A proxy in front of the emulator forwards the same path: the ticket is valid here.
      const rfb = await RfbClient.connect(`ws://${new URL(emulatorUrl).host}/websockify/?s=${ticket}`);
      const init = await rfb.handshake();
      expect(init.width).toBe(720);
      rfb.close();
    });
  });

  it('drop a trailing slash of vncPublicUrl', async () => {
    await withVncUrl({ vncPublicUrl: 'wss://proxy.example:8443/' }, ({ vncUrl }) => {
      expect(decodeURIComponent(vncUrl)).toMatch(/^wss:\/\/proxy\.example:8443\/websockify\/\?s=[\w-]+$/);
    });
  });

  it('refuse a vncPublicUrl that is not ws:// or wss://', async () => {
    await expect(startEmulator({ vncPublicUrl: 'https://hz01-vncproxy.aliyun.com' })).rejects.toThrow(
      /vncPublicUrl must be a ws:\/\/ or wss:\/\/ URL/,
    );
  });
});
