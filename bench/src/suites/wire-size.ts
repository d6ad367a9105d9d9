import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { Credentials } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, median, printTable } from '../lib/measure.js';
import { signIn, startBff } from '../servers/bff-child.js';

const FLEET = 10_000;
const ROUNDS = 5;
/** The slow link: what the wire sizes mean for a user at 10 Mbit/s. */
const LINK_BYTES_PER_SECOND = 10_000_000 / 8;
/** Size ratios are small: three decimals tell 4 % from 5 %. */
const sizeRatio = (n: number) => `${n.toFixed(3)}x`;
const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

interface Load {
  readonly wireBytes: number;
  /** The decoded JSON. */
  readonly body: Buffer;
  /** Request to the last byte received: the server's work and the transfer. */
  readonly lastByteMs: number;
  /** Request to parsed JSON: also the client's decoding. */
  readonly ms: number;
}

/** One load of the whole region as a browser does it: request, bytes off the socket, decode, parse. */
function loadFleet(url: string, cookie: string, acceptEncoding: string): Promise<Load> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: hostname,
        port,
        path: '/api/regions/cn-hangzhou/instances',
        headers: { cookie, 'accept-encoding': acceptEncoding },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const lastByteMs = performance.now() - started;
          const wire = Buffer.concat(chunks);
          const encoding = incoming.headers['content-encoding'];
          const expected = acceptEncoding === 'identity' ? undefined : acceptEncoding;
          if (encoding !== expected) return reject(new Error(`asked for ${acceptEncoding}, got ${encoding}`));
          const raw = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
          const body = JSON.parse(raw.toString('utf8')) as { totalCount: number };
          if (body.totalCount !== FLEET)
            return reject(new Error(`expected ${FLEET} instances, got ${body.totalCount}`));
          resolve({ wireBytes: wire.length, body: raw, lastByteMs, ms: performance.now() - started });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Median milliseconds of CPU `compress` takes on `input` (synchronous zlib: all of it is CPU). */
function compressionCost(input: Buffer, compress: (input: Buffer) => Buffer): { ms: number; bytes: number } {
  const samples: number[] = [];
  let bytes = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    bytes = compress(input).length;
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), bytes };
}

const brotliAt = (quality: number) => (input: Buffer) =>
  brotliCompressSync(input, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: input.length },
  });
const gzipAt = (level: number) => (input: Buffer) => gzipSync(input, { level });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Bytes of the built SPA a client downloads with each encoding, from the precompressed files the build wrote. */
async function spaAssetBytes(): Promise<{ raw: number; br: number; gzip: number } | undefined> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) return undefined;
  const files = await filesUnder(WEB_DIST);
  const present = new Set(files);
  const sizeOf = async (file: string) => (await stat(file)).size;
  const totals = { raw: 0, br: 0, gzip: 0 };
  for (const file of files.filter((name) => !name.endsWith('.br') && !name.endsWith('.gz'))) {
    const raw = await sizeOf(file);
    totals.raw += raw;
    totals.br += present.has(`${file}.br`) ? await sizeOf(`${file}.br`) : raw;
    totals.gzip += present.has(`${file}.gz`) ? await sizeOf(`${file}.gz`) : raw;
  }
  return totals;
}

/**
 * Issue #9 (4): the 10,000-instance list's wire size through the BFF, brotli and gzip against raw,
 * and the time to load it each way over loopback (where bandwidth is free, so this shows what
 * compressing costs; "last byte" leaves out Node's own decoding, slower for brotli than a
 * browser's; the 10 Mbit/s column shows what it saves). Then the CPU of each compression level on
 * the same JSON, which is why answers use brotli quality 4 (apps/bff/src/http/compression.ts) and
 * the build quality 11, and the SPA's total asset bytes precompressed against raw.
 */
export async function wireSize(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: FLEET }),
  ]);
  // Every load after the first reuses the region's listing: the times measure delivery, not ECS.
  const bff = await startBff(emulator.url, emulator.info.credentials as Credentials, {
    CONSOLE_FLEET_CACHE_SECONDS: '300',
  });
  let rawJson: Buffer;
  try {
    const cookie = await signIn(bff.url);
    const last: Record<string, Load> = {};
    const lastBytes: Record<string, number[]> = { identity: [], gzip: [], br: [] };
    const load = (encoding: string) => async () => {
      last[encoding] = await loadFleet(bff.url, cookie, encoding);
      lastBytes[encoding]?.push(last[encoding].lastByteMs);
      return last[encoding].ms;
    };
    await load('br')();
    lastBytes.br!.length = 0; // the warm-up's
    const times = await interleaved({ identity: load('identity'), gzip: load('gzip'), br: load('br') }, ROUNDS);
    const raw = last.identity!;
    // Estimate for the slow link: the loopback load plus the wire bytes at 10 Mbit/s.
    const overLink = (encoding: 'identity' | 'gzip' | 'br') =>
      times[encoding] + (last[encoding]!.wireBytes / LINK_BYTES_PER_SECOND) * 1000;
    const row = (label: string, encoding: 'identity' | 'gzip' | 'br') => [
      label,
      `${(last[encoding]!.wireBytes / 1e6).toFixed(2)} MB`,
      sizeRatio(last[encoding]!.wireBytes / raw.wireBytes),
      fmt.ms(median(lastBytes[encoding]!)),
      fmt.ms(times[encoding]),
      fmt.ratio(times[encoding] / times.identity),
      fmt.ms(overLink(encoding)),
      fmt.ratio(overLink(encoding) / overLink('identity')),
    ];
    printTable(
      `Instance list of ${FLEET.toLocaleString('en-US')} instances through the BFF, by Accept-Encoding (median of ${ROUNDS} over loopback, from the request to the last byte and to parsed JSON; listing cached)`,
      ['encoding', 'wire size', 'vs raw', 'last byte', 'parsed', 'vs raw', 'at 10 Mbit/s (est.)', 'vs raw'],
      [row('raw (identity)', 'identity'), row('gzip (level 6)', 'gzip'), row('brotli (quality 4)', 'br')],
    );
    rawJson = raw.body;
  } finally {
    await bff.close();
    await emulator.close();
  }

  // Quality 11 takes seconds on the whole list: measured on a tenth of it and given per MB.
  const tenth = rawJson.subarray(0, Math.floor(rawJson.length / 10));
  const gzip6 = compressionCost(rawJson, gzipAt(6));
  const perMb = (cost: { ms: number }, input: Buffer) => cost.ms / (input.length / 1e6);
  const contenders: [string, Buffer, ReturnType<typeof compressionCost>][] = [
    ['gzip level 6 (answers)', rawJson, gzip6],
    ['gzip level 9', rawJson, compressionCost(rawJson, gzipAt(9))],
    ['brotli quality 4 (answers)', rawJson, compressionCost(rawJson, brotliAt(4))],
    ['brotli quality 5', rawJson, compressionCost(rawJson, brotliAt(5))],
    ['brotli quality 6', rawJson, compressionCost(rawJson, brotliAt(6))],
    ['brotli quality 11 (on 1/10 of it)', tenth, compressionCost(tenth, brotliAt(11))],
  ];
  printTable(
    `CPU to compress the ${(rawJson.length / 1e6).toFixed(1)} MB list once (median of 3, one core)`,
    ['compressor', 'size', 'size vs raw', 'CPU per MB', 'CPU vs gzip 6'],
    contenders.map(([label, input, cost]) => [
      label,
      `${Math.round(cost.bytes / 1000).toLocaleString('en-US')} kB`,
      sizeRatio(cost.bytes / input.length),
      fmt.ms(perMb(cost, input)),
      fmt.ratio(perMb(cost, input) / perMb(gzip6, rawJson)),
    ]),
  );

  const spa = await spaAssetBytes();
  if (!spa) {
    console.log(
      'The SPA is not built (apps/web/dist): run `pnpm --filter @ecs-console/web build` for its asset sizes.',
    );
    return;
  }
  printTable(
    'Built SPA, every file a first visit can fetch, as precompressed at build time',
    ['encoding', 'total', 'vs raw'],
    [
      ['raw', `${(spa.raw / 1e6).toFixed(2)} MB`, fmt.ratio(1)],
      ['gzip (level 9)', `${(spa.gzip / 1e6).toFixed(2)} MB`, sizeRatio(spa.gzip / spa.raw)],
      ['brotli (quality 11)', `${(spa.br / 1e6).toFixed(2)} MB`, sizeRatio(spa.br / spa.raw)],
    ],
  );
}
