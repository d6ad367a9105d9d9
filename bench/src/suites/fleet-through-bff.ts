import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from '@ecs-console/ecs-client';
import { startChildServer, type ChildServer } from '../lib/child-server.js';
import { fmt, median, printTable } from '../lib/measure.js';

const FLEET = 10_000;
const LATENCY_MS = 50;
const ADMIN_PASSWORD = 'bench-admin-password';

async function startBff(ecsUrl: string, credentials: Credentials, concurrency: number): Promise<ChildServer> {
  const env = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    CONSOLE_DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-console-')),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ECS_ENDPOINT: ecsUrl,
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    CONSOLE_FLEET_CONCURRENCY: String(concurrency),
  };
  return startChildServer(new URL('../servers/console-server.js', import.meta.url), [], env);
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'ecs-console', origin: url },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Loads the whole region through the BFF once; resolves with the milliseconds it took. */
async function loadFleet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/regions/cn-hangzhou/instances`, { headers: { cookie } });
  const body = (await response.json()) as { totalCount: number };
  if (body.totalCount !== FLEET) throw new Error(`expected ${FLEET} instances, got ${body.totalCount}`);
  return performance.now() - started;
}

/**
 * The whole instance list of a 10,000-instance region through the BFF, with the emulator adding
 * 50 ms to every ECS call: the BFF's default page concurrency against fetching pages one after
 * another (the baseline, 100 pages x 50 ms = 5 s at best). Goal: under 1 s.
 */
export async function fleetThroughBff(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: FLEET, latencyMs: LATENCY_MS }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const sequential = await startBff(emulator.url, credentials, 1);
  const concurrent = await startBff(emulator.url, credentials, 16);
  try {
    const cookies = { sequential: await signIn(sequential.url), concurrent: await signIn(concurrent.url) };
    const samples = { sequential: [] as number[], concurrent: [] as number[] };
    await loadFleet(concurrent.url, cookies.concurrent);
    for (let round = 0; round < 3; round++) {
      samples.sequential.push(await loadFleet(sequential.url, cookies.sequential));
      samples.concurrent.push(await loadFleet(concurrent.url, cookies.concurrent));
    }
    const seq = median(samples.sequential);
    const con = median(samples.concurrent);
    printTable(
      `Full instance list of ${FLEET.toLocaleString('en-US')} instances through the BFF, ECS latency ${LATENCY_MS} ms per call (median of 3)`,
      ['pages fetched', 'time', 'speed-up vs sequential'],
      [
        ['one at a time (baseline)', fmt.ms(seq), fmt.ratio(1)],
        ['16 at a time (default)', fmt.ms(con), fmt.ratio(seq / con)],
      ],
    );
    console.log('Goal: under 1,000 ms at the default concurrency.');
  } finally {
    await Promise.all([sequential.close(), concurrent.close()]);
    await emulator.close();
  }
}
