import { Agent } from 'undici';
import { EcsClient, paginate, type Credentials } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, printTable } from '../lib/measure.js';
import { listThroughBff, signIn, startBff } from '../servers/bff-child.js';
import { floorListing, timed } from './fleet-through-bff.js';

/** Disks of the region (the emulator's disk fleet: system and data disks of 2,500 instances, the rest unattached). */
const DISKS = 10_000;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const REGION = 'cn-hangzhou';
/** Few rounds: the sequential baseline alone takes seconds each. */
const ROUNDS = 3;

/**
 * The whole disk list of a region of at least 10,000 disks through the BFF (emulator adding 50 ms
 * to every ECS call, 16 pages in flight, no cache), against two baselines measured in the same run:
 * sequential paging (the same DescribeDisks pages from the same emulator, one after another, as a
 * console without the shared listing would) and the floor of the instance suite (the same pages
 * canned after 50 ms, plain undici, 16 at a time). Goal: under 1 s, near the floor.
 */
export async function diskList(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ disks: DISKS, latencyMs: LATENCY_MS }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const canned = await startChildServer(new URL('../servers/canned-pages-server.js', import.meta.url), [
    JSON.stringify({
      emulatorUrl: emulator.url,
      credentials,
      regionId: REGION,
      latencyMs: LATENCY_MS,
      action: 'DescribeDisks',
    }),
  ]);
  const pages = canned.info.pages as number;
  const disks = canned.info.totalCount as number;
  if (disks !== DISKS) throw new Error(`the emulator has ${disks} disks, expected ${DISKS}`);
  const bffEnv = { CONSOLE_FLEET_CONCURRENCY: String(CONCURRENCY), CONSOLE_FLEET_CACHE_SECONDS: '0' };
  const bff = await startBff(emulator.url, credentials, bffEnv);
  const bffOnCanned = await startBff(canned.url, credentials, bffEnv);
  const agent = new Agent({ connections: CONCURRENCY });
  const client = new EcsClient({ credentials, endpoint: emulator.url, regionId: REGION });
  try {
    const cookie = await signIn(bff.url);
    const cannedCookie = await signIn(bffOnCanned.url);
    const list = () => listThroughBff(bff.url, cookie, REGION, disks, 'disks');
    const listCanned = () => listThroughBff(bffOnCanned.url, cannedCookie, REGION, disks, 'disks');
    const floor = () => floorListing(canned.url, pages, agent);
    const sequential = async () => {
      let seen = 0;
      for await (const page of paginate(client, 'DescribeDisks', { RegionId: REGION }, { mode: 'pageNumber' }))
        seen += page.Disks.Disk.length;
      if (seen !== disks) throw new Error(`sequential paging saw ${seen} disks, expected ${disks}`);
    };
    await list();
    await listCanned();
    await floor();
    const times = await interleaved(
      {
        sequential: () => timed(sequential),
        floor: () => timed(floor),
        bff: () => timed(list),
        bffCanned: () => timed(listCanned),
      },
      ROUNDS,
    );
    printTable(
      `Full disk list of ${disks.toLocaleString('en-US')} disks (${pages} pages), ECS latency ${LATENCY_MS} ms, ${CONCURRENCY} pages in flight (median of ${ROUNDS})`,
      ['listing', 'time', 'vs sequential', 'vs floor'],
      [
        [
          'sequential paging (emulator, ecs-client)',
          fmt.ms(times.sequential),
          fmt.ratio(1),
          fmt.ratio(times.sequential / times.floor),
        ],
        [
          'floor: canned pages, plain undici',
          fmt.ms(times.floor),
          fmt.ratio(times.floor / times.sequential),
          fmt.ratio(1),
        ],
        [
          'through the BFF (emulator)',
          fmt.ms(times.bff),
          fmt.ratio(times.bff / times.sequential),
          fmt.ratio(times.bff / times.floor),
        ],
        [
          'through the BFF (canned pages)',
          fmt.ms(times.bffCanned),
          fmt.ratio(times.bffCanned / times.sequential),
          fmt.ratio(times.bffCanned / times.floor),
        ],
      ],
    );
    console.log(`Goal: under 1 s through the BFF (${times.bff < 1000 ? 'met' : 'missed'}), within 1.25x of the floor.`);
  } finally {
    await agent.close();
    await client.close();
    await Promise.all([bff.close(), bffOnCanned.close(), canned.close()]);
    await emulator.close();
  }
}
