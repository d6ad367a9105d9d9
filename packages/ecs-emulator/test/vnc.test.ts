import { EcsClient } from '@ecs-console/ecs-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { desEncryptBlock, vncAuthResponse } from '../src/console/des.js';
import { DEFAULT_PIXEL_FORMAT, encodeRawUpdate } from '../src/console/rfb.js';
import { consoleScreen } from '../src/console/screen.js';
import { pressKey, type ConsoleKey } from '../src/console/terminal.js';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import type { InstanceRecord } from '../src/store/types.js';
import { RfbClient, upgradeStatus } from './support/rfb-client.js';
import { testBed, type TestBed } from './support/test-bed.js';

let ecs: RunningEmulator;
let client: EcsClient;

beforeAll(async () => {
  ecs = await startEmulator();
  client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });
});
afterAll(async () => {
  await client.close();
  await ecs.close();
});
afterEach(() => vi.useRealTimers());

/** Running Linux instances of the generated estate, each test taking its own. */
const used = new Set<string>();
function runningInstance(osType: 'linux' | 'windows' = 'linux'): { regionId: string; instance: InstanceRecord } {
  for (const [regionId, region] of ecs.store.regions) {
    for (const instance of region.instances.values()) {
      if (instance.Status === 'Running' && instance.OSType === osType && !used.has(instance.InstanceId)) {
        used.add(instance.InstanceId);
        return { regionId, instance };
      }
    }
  }
  throw new Error(`no running ${osType} instance left`);
}

async function vncUrl(regionId: string, instance: InstanceRecord): Promise<string> {
  const { VncUrl } = await client.call('DescribeInstanceVncUrl', {
    RegionId: regionId,
    InstanceId: instance.InstanceId,
  });
  return decodeURIComponent(VncUrl);
}

async function screenshot(regionId: string, instance: InstanceRecord): Promise<Buffer> {
  const response = await client.call('GetInstanceScreenshot', { RegionId: regionId, InstanceId: instance.InstanceId });
  return Buffer.from(response.Screenshot, 'base64');
}

describe('the VNC console', () => {
  it('serves the console screen over RFB 3.8 and shows typed keys, in screenshots too', async () => {
    // A fake wall clock lets the test take two screenshots without waiting out their throttle.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { regionId, instance } = runningInstance();
    const url = await vncUrl(regionId, instance);
    expect(url).toMatch(new RegExp(`^ws://${ecs.url.slice('http://'.length)}/websockify/\\?s=`));
    const before = await screenshot(regionId, instance);

    const rfb = await RfbClient.connect(url);
    const init = await rfb.handshake();
    expect(init).toMatchObject({ width: 720, height: 400, securityType: 1 });
    expect(init.name).toContain(instance.InstanceId);
    expect(await rfb.update(false)).toBe(720 * 400);
    const first = Buffer.from(rfb.framebuffer);
    // Light grey text on black, in the default R, G, B, X layout.
    expect(first.subarray(0, 4)).toEqual(Buffer.from([0, 0, 0, 0]));
    expect(first.includes(Buffer.from([170, 170, 170]))).toBe(true);

    rfb.type('root');
    const covered = await rfb.update(true);
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThan(720 * 400);
    expect(rfb.framebuffer.equals(first)).toBe(false);
    // Screenshots draw the same screen: the typed name is on it.
    const rows = consoleScreen(ecs.store.region(regionId)!, instance, ecs.store.clock.now()).rows;
    expect(rows.at(-1)).toMatch(/ login: root$/);
    vi.setSystemTime(Date.now() + 2_000);
    const after = await screenshot(regionId, instance);
    expect(after.equals(before)).toBe(false);
    rfb.close();
  });

  it('accepts each URL once, for 15 seconds, for a running instance only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { regionId, instance } = runningInstance();
    const url = await vncUrl(regionId, instance);
    expect(await upgradeStatus(url)).toBe(101);
    expect(await upgradeStatus(url)).toBe(403);

    const late = await vncUrl(regionId, instance);
    ecs.control.advanceClock(15_001);
    expect(await upgradeStatus(late)).toBe(403);

    expect(await upgradeStatus(url.replace(/s=.*$/, 's=forged'))).toBe(403);
    expect(await upgradeStatus(url.replace('/websockify/', '/elsewhere/'))).toBe(404);

    const stopping = await vncUrl(regionId, instance);
    await client.call('StopInstance', { InstanceId: instance.InstanceId });
    expect(await upgradeStatus(stopping)).toBe(403);
  });

  it('asks for the VNC password once one is set, and refuses a wrong one', async () => {
    const { regionId, instance } = runningInstance();
    await client.call('ModifyInstanceVncPasswd', {
      RegionId: regionId,
      InstanceId: instance.InstanceId,
      VncPassword: 'abc123',
    });
    const right = await RfbClient.connect(await vncUrl(regionId, instance));
    expect(await right.handshake('abc123')).toMatchObject({ securityType: 2, width: 720 });
    right.close();

    const wrong = await RfbClient.connect(await vncUrl(regionId, instance));
    await expect(wrong.handshake('abc124')).rejects.toThrow('security failed: Authentication failed');
    expect((await wrong.closed).code).toBe(1000);
  });

  it('refuses more than 30 connections a minute to one instance', async () => {
    const { regionId, instance } = runningInstance();
    for (let i = 0; i < 30; i++) expect(await upgradeStatus(await vncUrl(regionId, instance))).toBe(101);
    expect(await upgradeStatus(await vncUrl(regionId, instance))).toBe(429);
    // Another instance is not affected.
    const other = runningInstance();
    expect(await upgradeStatus(await vncUrl(other.regionId, other.instance))).toBe(101);
  });

  it('throttles screenshots of one instance to one every two seconds', async () => {
    const { regionId, instance } = runningInstance();
    await screenshot(regionId, instance);
    await expect(screenshot(regionId, instance)).rejects.toMatchObject({ code: 'Throttling', statusCode: 429 });
  });
});

describe('the VNC console idle timeout', () => {
  it('closes a connection that sends nothing for the configured time', async () => {
    const idle = await startEmulator({ vncIdleTimeoutMs: 100 });
    const idleClient = new EcsClient({ credentials: idle.credentials, endpoint: idle.url });
    try {
      const [regionId, region] = [...idle.store.regions].find(([, r]) =>
        [...r.instances.values()].some((i) => i.Status === 'Running'),
      )!;
      const instance = [...region.instances.values()].find((i) => i.Status === 'Running')!;
      const { VncUrl } = await idleClient.call('DescribeInstanceVncUrl', {
        RegionId: regionId,
        InstanceId: instance.InstanceId,
      });
      const rfb = await RfbClient.connect(decodeURIComponent(VncUrl));
      await rfb.handshake();
      expect(await rfb.closed).toEqual({ code: 1000, reason: 'Idle timeout' });
    } finally {
      await idleClient.close();
      await idle.close();
    }
  });
});

describe('the console line editor', () => {
  const keys = (bed: TestBed, instance: InstanceRecord, text: string) => {
    for (const char of text) {
      const key: ConsoleKey =
        char === '\n' ? { kind: 'enter' } : char === '\b' ? { kind: 'backspace' } : { kind: 'text', text: char };
      pressKey(bed.region, instance, key);
    }
  };
  const screen = (bed: TestBed, instance: InstanceRecord) =>
    consoleScreen(bed.region, instance, bed.clock.now()).rows.map((row) => row.trimEnd());

  it('logs in at the Linux prompt, hides the password and runs a root shell', () => {
    const bed = testBed();
    const instance = bed.instance();
    const host = instance.console.hostName;
    keys(bed, instance, 'admim\bn\nsecret\n');
    expect(screen(bed, instance).slice(-4)).toEqual([
      `${host} login: admin`,
      'Password:',
      'Login incorrect',
      `${host} login:`,
    ]);
    keys(bed, instance, 'root\nsecret\nls\n');
    const prompt = `[root@${host.split('.')[0]} ~]#`;
    expect(screen(bed, instance).slice(-4)).toEqual([
      'Password:',
      `${prompt} ls`,
      '-bash: ls: command not found',
      prompt,
    ]);
    keys(bed, instance, 'clear\nhostname\n');
    expect(screen(bed, instance)).toEqual([`${prompt} hostname`, host, prompt]);
  });

  it('starts afresh after a reboot and ignores keys while the instance is not running', () => {
    const bed = testBed();
    const instance = bed.instance();
    keys(bed, instance, 'root');
    expect(screen(bed, instance).at(-1)).toMatch(/login: root$/);
    bed.call('RebootInstance', { InstanceId: instance.InstanceId });
    keys(bed, instance, 'ignored');
    bed.advance(60_000);
    expect(screen(bed, instance).at(-1)).toMatch(/login:$/);
  });

  it('opens the Windows sign-in screen on Ctrl+Alt+Del and shows the password as stars', () => {
    const bed = testBed();
    const windows = bed.instance({ ImageId: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd' });
    keys(bed, windows, 'typed on the lock screen');
    expect(screen(bed, windows).map((row) => row.trim())).toContain('Press Ctrl+Alt+Del to sign in.');
    pressKey(bed.region, windows, { kind: 'ctrl-alt-del' });
    keys(bed, windows, 'pass');
    expect(screen(bed, windows).map((row) => row.trim())).toContain('Password: ****_');
    keys(bed, windows, '\n');
    expect(screen(bed, windows).map((row) => row.trim())).toContain('The password is incorrect. Try again.');
  });
});

describe('the RFB encodings', () => {
  it('implements DES (FIPS 46 test vector) and the VNC password key', () => {
    const key = Buffer.from('133457799BBCDFF1', 'hex');
    expect(desEncryptBlock(key, Buffer.from('0123456789ABCDEF', 'hex')).toString('hex')).toBe('85e813540f0ab405');
    // The password's bits are mirrored per byte: "\x80" becomes the key 01 00 00 00 00 00 00 00.
    const challenge = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const mirroredKey = Buffer.from('0100000000000000', 'hex');
    expect(vncAuthResponse('\x80', challenge)).toEqual(
      Buffer.concat([
        desEncryptBlock(mirroredKey, challenge.subarray(0, 8)),
        desEncryptBlock(mirroredKey, challenge.subarray(8)),
      ]),
    );
  });

  it('writes pixels in the format the client asked for', () => {
    const rgb = new Uint8Array([255, 128, 0]);
    const rect = { x: 0, y: 0, width: 1, height: 1 };
    expect([...encodeRawUpdate(rgb, 1, rect, DEFAULT_PIXEL_FORMAT).subarray(16)]).toEqual([255, 128, 0, 0]);
    const rgb565 = { ...DEFAULT_PIXEL_FORMAT, bitsPerPixel: 16, depth: 16, redMax: 31, greenMax: 63, blueMax: 31 };
    const bigEndian565 = { ...rgb565, bigEndian: true, redShift: 11, greenShift: 5, blueShift: 0 };
    // 31 << 11 | 32 << 5 | 0
    expect([...encodeRawUpdate(rgb, 1, rect, bigEndian565).subarray(16)]).toEqual([0xfc, 0x00]);
  });
});
