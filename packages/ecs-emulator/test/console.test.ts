import type { GetInstanceConsoleOutputResponse, GetInstanceScreenshotResponse } from '@ecs-console/ecs-client';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../src/clock.js';
import { glyphRows } from '../src/console/font.js';
import { crc32, encodePng } from '../src/console/png.js';
import { consoleScreen, removeSymbols, SCREEN_COLUMNS, SCREEN_ROWS } from '../src/console/screen.js';
import { SCREENSHOT_HEIGHT, SCREENSHOT_WIDTH } from '../src/console/screenshot.js';
import { consumeVncTicket, findVncTicket, issueVncTicket, VNC_TICKET_TTL_MS } from '../src/console/vnc-tickets.js';
import { SCREENSHOT_INTERVAL_MS } from '../src/providers/instances/console.js';
import { Store } from '../src/store/store.js';
import type { InstanceRecord } from '../src/store/types.js';
import { START, expectApiError, testBed, type TestBed } from './support/test-bed.js';

const IMAGES = {
  alinux: 'aliyun_3_x64_20G_alibase_20240819.vhd',
  ubuntu: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd',
  debian: 'debian_12_6_x64_20G_alibase_20240717.vhd',
  centos: 'centos_7_9_x64_20G_alibase_20240628.vhd',
  windows: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240716.vhd',
};

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  /** RGB, three bytes per pixel, rows top to bottom. */
  readonly rgb: Buffer;
}

/** Reads a PNG as the spec lays it out, checking every chunk's CRC and the scanline filters. */
function decodePng(png: Buffer): DecodedPng {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(zlibCrc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(chunks[1]!.data);
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const rgb = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    raw.copy(rgb, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, bitDepth: header.readUInt8(8), colourType: header.readUInt8(9), rgb };
}

/** The distinct colours of an image, as `r,g,b` strings. */
function coloursOf(image: DecodedPng): Set<string> {
  const colours = new Set<string>();
  for (let i = 0; i < image.rgb.length; i += 3) colours.add(`${image.rgb[i]},${image.rgb[i + 1]},${image.rgb[i + 2]}`);
  return colours;
}

// Screenshots are throttled per instance on the wall clock, so these tests move a fake one along.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

function screenshot(bed: TestBed, instance: InstanceRecord, params: Record<string, string> = {}): Buffer {
  vi.setSystemTime(Date.now() + SCREENSHOT_INTERVAL_MS);
  const body = bed.call('GetInstanceScreenshot', {
    RegionId: bed.regionId,
    InstanceId: instance.InstanceId,
    ...params,
  }) as unknown as Omit<GetInstanceScreenshotResponse, 'RequestId'>;
  expect(body.InstanceId).toBe(instance.InstanceId);
  return Buffer.from(body.Screenshot, 'base64');
}

type ConsoleOutputBody = Omit<GetInstanceConsoleOutputResponse, 'RequestId'>;

function consoleOutput(bed: TestBed, instance: InstanceRecord, params: Record<string, string> = {}) {
  const body = bed.call('GetInstanceConsoleOutput', {
    RegionId: bed.regionId,
    InstanceId: instance.InstanceId,
    ...params,
  }) as unknown as ConsoleOutputBody;
  expect(body.InstanceId).toBe(instance.InstanceId);
  return { text: Buffer.from(body.ConsoleOutput, 'base64').toString('utf8'), lastUpdateTime: body.LastUpdateTime };
}

describe('GetInstanceScreenshot', () => {
  it('answers a 720 × 400 RGB PNG of the Linux console, light grey on black', () => {
    const bed = testBed();
    const instance = bed.instance();
    const image = decodePng(screenshot(bed, instance));
    expect(image).toMatchObject({ width: 720, height: 400, bitDepth: 8, colourType: 2 });
    expect([SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT]).toEqual([720, 400]);
    expect(coloursOf(image)).toEqual(new Set(['0,0,0', '170,170,170']));
  });

  it('draws the same screen the same way every time', () => {
    const bed = testBed();
    const instance = bed.instance();
    expect(screenshot(bed, instance).equals(screenshot(bed, instance))).toBe(true);
  });

  it('shows a Windows sign-in screen', () => {
    const bed = testBed();
    const windows = bed.instance({ ImageId: IMAGES.windows });
    const image = decodePng(screenshot(bed, windows));
    expect(coloursOf(image)).toEqual(new Set(['0,48,96', '255,255,255']));
    const rows = consoleScreen(bed.region, windows, bed.clock.now()).rows.map((row) => row.trim());
    expect(rows).toContain('Windows Server 2022 Datacenter');
    expect(rows).toContain('Press Ctrl+Alt+Del to sign in.');
    // 00:00 UTC is 08:00 on the images' China Standard Time.
    expect(rows).toContain('08:00');
    expect(rows).toContain('Wednesday, May 1');
  });

  it('finds a Windows display asleep after ten idle minutes; WakeUp (or Wakeup) wakes it', () => {
    const bed = testBed();
    const windows = bed.instance({ ImageId: IMAGES.windows });
    bed.advance(10 * 60_000 + 1);
    expect(coloursOf(decodePng(screenshot(bed, windows)))).toEqual(new Set(['0,0,0']));
    expect(coloursOf(decodePng(screenshot(bed, windows, { WakeUp: 'true' }))).size).toBe(2);
    expect(coloursOf(decodePng(screenshot(bed, windows))).size).toBe(2);
    bed.advance(10 * 60_000 + 1);
    expect(coloursOf(decodePng(screenshot(bed, windows, { WakeUp: 'false' })))).toEqual(new Set(['0,0,0']));
    expect(coloursOf(decodePng(screenshot(bed, windows, { Wakeup: 'true' }))).size).toBe(2);
  });

  it('allows one screenshot of an instance every two seconds, answering 429 Throttling sooner', () => {
    const bed = testBed();
    const [first, second] = [bed.instance(), bed.instance()];
    screenshot(bed, first);
    const call = (instance: InstanceRecord) => () =>
      bed.call('GetInstanceScreenshot', { RegionId: bed.regionId, InstanceId: instance.InstanceId });
    expectApiError(call(first), 429, 'Throttling');
    // Each instance has its own allowance.
    expect(call(second)).not.toThrow();
    vi.setSystemTime(Date.now() + SCREENSHOT_INTERVAL_MS - 1);
    expectApiError(call(first), 429, 'Throttling');
    vi.setSystemTime(Date.now() + 1);
    expect(call(first)).not.toThrow();
  });

  it('needs a Running instance, answering 405 otherwise', () => {
    const bed = testBed();
    const stopped = bed.instance({ Status: 'Stopped' });
    expectApiError(() => screenshot(bed, stopped), 405, 'IncorrectInstanceStatus');
    bed.call('StartInstance', { InstanceId: stopped.InstanceId });
    expectApiError(() => screenshot(bed, stopped), 405, 'IncorrectInstanceStatus');
  });

  it('answers 404 InvalidParameter for an unknown instance and requires its parameters', () => {
    const bed = testBed();
    const call = (params: Record<string, string>) => () => bed.call('GetInstanceScreenshot', params);
    expectApiError(call({ RegionId: bed.regionId, InstanceId: 'i-missing' }), 404, 'InvalidParameter');
    expectApiError(call({ RegionId: bed.regionId }), 400, 'MissingParameter');
    expectApiError(call({ InstanceId: 'i-missing' }), 400, 'MissingParameter');
    const running = bed.instance();
    expectApiError(
      call({ RegionId: bed.regionId, InstanceId: running.InstanceId, WakeUp: 'yes' }),
      400,
      'InvalidParameter',
    );
  });
});

describe('the console screen', () => {
  it('is dark while the instance is off', () => {
    const bed = testBed();
    const now = bed.clock.now();
    expect(consoleScreen(bed.region, bed.instance({ Status: 'Stopped' }), now).rows).toEqual([]);
    expect(consoleScreen(bed.region, bed.instance({ Status: 'Pending' }), now).rows).toEqual([]);
    expect(consoleScreen(bed.region, bed.instance({ Status: 'Stopped', ImageId: IMAGES.windows }), now).rows).toEqual(
      [],
    );
  });

  it('shows the tail of the boot log, wrapped to 80 columns, ending at the login prompt', () => {
    const bed = testBed();
    const instance = bed.instance();
    const rows = consoleScreen(bed.region, instance, bed.clock.now()).rows;
    expect(rows).toHaveLength(SCREEN_ROWS);
    expect(rows.every((row) => row.length <= SCREEN_COLUMNS)).toBe(true);
    expect(rows.at(-1)).toBe(`${instance.HostName} login: `);
    expect(rows.join('\n')).not.toContain('\x1b');
  });

  it('shows Windows starting and shutting down', () => {
    const bed = testBed();
    const windows = bed.instance({ ImageId: IMAGES.windows, Status: 'Stopped' });
    bed.call('StartInstance', { InstanceId: windows.InstanceId });
    expect(consoleScreen(bed.region, windows, bed.clock.now()).rows.map((row) => row.trim())).toContain('Please wait');
    bed.advance(15_000);
    bed.call('StopInstance', { InstanceId: windows.InstanceId });
    expect(consoleScreen(bed.region, windows, bed.clock.now()).rows.map((row) => row.trim())).toContain(
      'Shutting down',
    );
  });
});

describe('GetInstanceConsoleOutput', () => {
  it('answers the Base64 boot log of a running Linux instance with its last update time', () => {
    const bed = testBed();
    bed.clock.advance(42_000);
    const instance = bed.instance({ ImageId: IMAGES.alinux });
    const { text, lastUpdateTime } = consoleOutput(bed, instance);
    expect(text).toMatch(/^\[ {4}0\.000000\] Linux version 5\.10\.134-16\.3\.al8\.x86_64/);
    expect(text).toContain('Memory: ');
    expect(text).toContain(`Set hostname to <${instance.HostName}>.`);
    expect(text).toContain('Welcome to \x1b[1mAlibaba Cloud Linux 3 (Soaring Falcon)\x1b[0m!');
    expect(text).toContain('[\x1b[0;32m  OK  \x1b[0m] Started Aliyun Assist.');
    expect(text).toContain(`cloud-init[812]: ci-info: | eth0 | True | ${instance.PrivateIpAddress} |`);
    expect(text.endsWith(`Kernel 5.10.134-16.3.al8.x86_64 on an x86_64\n\n${instance.HostName} login: `)).toBe(true);
    expect(lastUpdateTime).toBe('2024-05-01T00:00:42Z');
  });

  it('strips ANSI escapes and control symbols with RemoveSymbols=true', () => {
    const bed = testBed();
    const instance = bed.instance();
    const { text } = consoleOutput(bed, instance, { RemoveSymbols: 'true' });
    const controls = [...text].filter((char) => char !== '\n' && char !== '\t' && /\p{Cc}/u.test(char));
    expect(controls).toEqual([]);
    expect(text).toContain('[  OK  ] Started OpenSSH server daemon.');
    expect(text).toContain('\n');
    expect(removeSymbols('a\x1b[0;32mb\x1b[0m\r\n\tc\x07')).toBe('ab\n\tc');
  });

  it('prints the boot of each distribution the catalog offers', () => {
    const bed = testBed();
    const textOf = (imageId: string) => consoleOutput(bed, bed.instance({ ImageId: imageId })).text;
    const ubuntu = textOf(IMAGES.ubuntu);
    expect(ubuntu).toContain('Linux version 5.15.0-117-generic');
    expect(ubuntu).toMatch(/Ubuntu 22\.04\.4 LTS iZ\w+Z ttyS0/);
    const debian = textOf(IMAGES.debian);
    expect(debian).toContain('systemd 252 running in system mode.');
    expect(debian).toMatch(/Debian GNU\/Linux 12 iZ\w+Z ttyS0/);
    const centos = textOf(IMAGES.centos);
    expect(centos).toContain('CentOS Linux 7 (Core)\nKernel 3.10.0-1160.119.1.el7.x86_64 on an x86_64');
    expect(centos).toContain('Started LSB: Bring up/down networking.');
  });

  it('grows line by line while the instance starts', () => {
    const bed = testBed();
    const instance = bed.instance({ Status: 'Stopped' });
    bed.call('StartInstance', { InstanceId: instance.InstanceId });
    bed.advance(1_000);
    const early = consoleOutput(bed, instance).text;
    expect(early).toContain('Linux version');
    expect(early).not.toContain('Welcome to');
    bed.advance(5_000);
    const later = consoleOutput(bed, instance).text;
    expect(later.startsWith(early)).toBe(true);
    expect(later).toContain('Welcome to');
    expect(later).not.toContain('login:');
    bed.advance(9_000);
    expect(instance.Status).toBe('Running');
    expect(consoleOutput(bed, instance).text).toContain(`${instance.HostName} login: `);
  });

  it('follows start, stop and reboot: shutdown lines on stop, a fresh log after each boot', () => {
    const bed = testBed();
    const instance = bed.instance();
    const booted = consoleOutput(bed, instance);

    bed.advance(60_000);
    bed.call('StopInstance', { InstanceId: instance.InstanceId });
    bed.advance(2_000);
    const stopping = consoleOutput(bed, instance);
    expect(stopping.text.startsWith(booted.text)).toBe(true);
    expect(stopping.text).toContain('Stopping OpenSSH server daemon...');
    expect(stopping.text).toMatch(/\[ {3}62\.\d{6}\] reboot: Power down$/);
    expect(stopping.lastUpdateTime).toBe('2024-05-01T00:01:00Z');

    bed.advance(8_000);
    expectApiError(() => consoleOutput(bed, instance), 405, 'IncorrectInstanceStatus');

    bed.advance(30_000);
    bed.call('StartInstance', { InstanceId: instance.InstanceId });
    bed.advance(15_000);
    const restarted = consoleOutput(bed, instance);
    expect(restarted.lastUpdateTime).toBe('2024-05-01T00:01:40Z');
    expect(restarted.text).not.toContain('Power down');
    expect(restarted.text).toContain('login: ');
    expect(restarted.text).not.toBe(booted.text);

    bed.call('ModifyInstanceAttribute', { InstanceId: instance.InstanceId, HostName: 'web-01' });
    expect(consoleOutput(bed, instance).text).not.toContain('web-01 login:');
    bed.call('RebootInstance', { InstanceId: instance.InstanceId });
    bed.advance(15_000);
    const rebooted = consoleOutput(bed, instance);
    expect(rebooted.lastUpdateTime).toBe('2024-05-01T00:01:55Z');
    expect(rebooted.text.endsWith('web-01 login: ')).toBe(true);
  });

  it('is not available for Windows, or before the first boot', () => {
    const bed = testBed();
    const windows = bed.instance({ ImageId: IMAGES.windows });
    expectApiError(() => consoleOutput(bed, windows), 405, 'NotSupported');
    const pending = bed.instance({ Status: 'Pending' });
    expectApiError(() => consoleOutput(bed, pending), 405, 'IncorrectInstanceStatus');
    expectApiError(
      () => bed.call('GetInstanceConsoleOutput', { RegionId: bed.regionId, InstanceId: 'i-missing' }),
      404,
      'InvalidParameter',
    );
    expectApiError(() => bed.call('GetInstanceConsoleOutput', { RegionId: bed.regionId }), 400, 'MissingParameter');
  });
});

describe('the PNG encoder and font', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('encodes any RGB image losslessly', () => {
    const rgb = Uint8Array.from({ length: 3 * 4 * 3 }, (_, i) => (i * 37) % 256);
    const image = decodePng(encodePng(4, 3, rgb));
    expect(image).toMatchObject({ width: 4, height: 3, bitDepth: 8, colourType: 2 });
    expect([...image.rgb]).toEqual([...rgb]);
    expect(() => encodePng(4, 3, rgb.subarray(1))).toThrow(RangeError);
  });

  it('has an eight-row glyph for every printable character and ? for the rest', () => {
    for (let code = 0x20; code <= 0x7e; code++) expect(glyphRows(String.fromCharCode(code))).toHaveLength(8);
    expect(glyphRows(' ').every((row) => row === 0)).toBe(true);
    expect(glyphRows('A')).toEqual([0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001, 0]);
    expect(glyphRows('é')).toBe(glyphRows('?'));
    expect(glyphRows('\x07')).toBe(glyphRows('?'));
  });
});

describe('VNC tickets', () => {
  it('are found while valid and consumed exactly once', () => {
    const bed = testBed();
    bed.advance(1_000);
    const ticket = issueVncTicket(bed.store, { instanceId: 'i-1', regionId: bed.regionId, issuedAt: START });
    bed.advance(1_000);
    expect(findVncTicket(bed.store, ticket.token)).toEqual({
      token: ticket.token,
      instanceId: 'i-1',
      regionId: bed.regionId,
      issuedAt: START,
      issuedAtWall: 1_000,
    });
    expect(consumeVncTicket(bed.store, ticket.token)).toEqual(ticket);
    expect(consumeVncTicket(bed.store, ticket.token)).toBeUndefined();
    expect(findVncTicket(bed.store, ticket.token)).toBeUndefined();
  });

  it('expire 15 s after issue, when the emulator clock moves on', () => {
    const bed = testBed();
    const ticket = issueVncTicket(bed.store, { instanceId: 'i-1', regionId: bed.regionId, issuedAt: START });
    bed.advance(VNC_TICKET_TTL_MS);
    expect(findVncTicket(bed.store, ticket.token)).toBeDefined();
    bed.advance(1);
    expect(consumeVncTicket(bed.store, ticket.token)).toBeUndefined();
  });

  it('last 15 real seconds at any clock speed', () => {
    let real = 0;
    const clock = new Clock({ start: START, speed: 1_000, realNow: () => real });
    const store = new Store(clock);
    const ticket = issueVncTicket(store, { instanceId: 'i-1', regionId: 'cn-hangzhou', issuedAt: START });
    real = VNC_TICKET_TTL_MS;
    expect(findVncTicket(store, ticket.token)).toBeDefined();
    real += 1;
    expect(findVncTicket(store, ticket.token)).toBeUndefined();
  });

  it('are unique and kept per store', () => {
    const first = testBed();
    const second = testBed();
    const target = { instanceId: 'i-1', regionId: first.regionId, issuedAt: START };
    const a = issueVncTicket(first.store, target);
    const b = issueVncTicket(first.store, target);
    expect(a.token).not.toBe(b.token);
    expect(findVncTicket(second.store, a.token)).toBeUndefined();
    expect(findVncTicket(first.store, a.token)).toBeDefined();
  });
});
