import { Agent, request } from 'undici';
import type { Credentials } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, printTable } from '../lib/measure.js';
import { listThroughBff, signIn, startBff } from '../servers/bff-child.js';

const FLEET = 10_000;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const REGION = 'cn-hangzhou';

/** The floor: the same pages, canned, after the same latency, fetched with plain undici 16 at a time. */
export async function floorListing(url: string, pages: number, agent: Agent): Promise<void> {
  const fetchPage = async (page: number) => {
    const { body } = await request(`${url}/?page=${page}`, { dispatcher: agent });
    await body.arrayBuffer();
  };
  await fetchPage(1);
  let next = 2;
  const worker = async () => {
    while (next <= pages) await fetchPage(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The whole instance list of a 10,000-instance region through the BFF (emulator adding 50 ms to
 * every ECS call, 16 pages in flight, no cache) against its floor measured in the same run: the
 * same 100 pages served canned after 50 ms and fetched with plain undici, 16 at a time (first
 * page, then 99 in 7 waves: about 8 x 50 ms). Goal: within 1.25x of the floor.
 */
export async function fleetThroughBff(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: FLEET, latencyMs: LATENCY_MS }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const canned = await startChildServer(new URL('../servers/canned-pages-server.js', import.meta.url), [
    JSON.stringify({ emulatorUrl: emulator.url, credentials, regionId: REGION, latencyMs: LATENCY_MS }),
  ]);
  const pages = canned.info.pages as number;
  // No cache: every request is a listing of its own.
  const bff = await startBff(emulator.url, credentials, {
    CONSOLE_FLEET_CONCURRENCY: String(CONCURRENCY),
    CONSOLE_FLEET_CACHE_SECONDS: '0',
  });
  // The same BFF listing from the canned pages: its own cost, without the emulator's.
  const bffOnCanned = await startBff(canned.url, credentials, {
    CONSOLE_FLEET_CONCURRENCY: String(CONCURRENCY),
    CONSOLE_FLEET_CACHE_SECONDS: '0',
  });
  const agent = new Agent({ connections: CONCURRENCY });
  try {
    const cookie = await signIn(bff.url);
    const cannedCookie = await signIn(bffOnCanned.url);
    const list = () => listThroughBff(bff.url, cookie, REGION, FLEET);
    const listCanned = () => listThroughBff(bffOnCanned.url, cannedCookie, REGION, FLEET);
    const floor = () => floorListing(canned.url, pages, agent);
    await list();
    await listCanned();
    await floor();
    const times = await interleaved(
      { floor: () => timed(floor), bff: () => timed(list), bffCanned: () => timed(listCanned) },
      5,
    );
    printTable(
      `Full instance list of ${FLEET.toLocaleString('en-US')} instances (${pages} pages), ECS latency ${LATENCY_MS} ms, ${CONCURRENCY} pages in flight (median of 5)`,
      ['listing', 'time', 'vs floor'],
      [
        ['floor: canned pages, plain undici', fmt.ms(times.floor), fmt.ratio(1)],
        ['through the BFF (emulator)', fmt.ms(times.bff), fmt.ratio(times.bff / times.floor)],
        ['through the BFF (canned pages)', fmt.ms(times.bffCanned), fmt.ratio(times.bffCanned / times.floor)],
      ],
    );
    console.log('Goal: within 1.25x of the floor.');
  } finally {
    await agent.close();
    await Promise.all([bff.close(), bffOnCanned.close(), canned.close()]);
    await emulator.close();
  }
}
