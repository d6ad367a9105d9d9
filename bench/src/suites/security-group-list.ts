import { EcsClient, type Credentials, type SecurityGroup } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, printTable } from '../lib/measure.js';
import { signIn, startBff } from '../servers/bff-child.js';
import { timed } from './fleet-through-bff.js';

/** ECS's most groups in a region (the emulator keeps to it). */
const GROUPS = 100;
/** Rules per group, half inbound and half outbound (ECS allows 200). */
const RULES = 100;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const REGION = 'cn-hangzhou';
const PAGE_SIZE = 50;
/** Few rounds: the sequential baseline alone takes seconds each. */
const ROUNDS = 3;

/** `work` with at most `limit` of them running: the floor's own bound, as simple as it gets. */
function slots(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let free = limit;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

/** Runs `tasks` `limit` at a time (setting the region up). */
async function inPool(tasks: readonly (() => Promise<unknown>)[], limit: number): Promise<void> {
  const slot = slots(limit);
  await Promise.all(tasks.map((task) => slot(task)));
}

/** A region of GROUPS groups of RULES rules each, made through the emulator's API. */
async function fillRegion(client: EcsClient): Promise<void> {
  const existing = await client.call('DescribeSecurityGroups', { RegionId: REGION, PageSize: PAGE_SIZE });
  const vpcId = existing.SecurityGroups.SecurityGroup[0]!.VpcId;
  const toMake = GROUPS - existing.TotalCount;
  const made: string[] = [];
  await inPool(
    Array.from({ length: toMake }, (_, n) => async () => {
      const { SecurityGroupId } = await client.call('CreateSecurityGroup', {
        RegionId: REGION,
        VpcId: vpcId,
        SecurityGroupName: `bench-${n}`,
      });
      made.push(SecurityGroupId);
    }),
    CONCURRENCY,
  );
  const half = RULES / 2;
  const ports = (n: number) => `${1000 + n}/${1000 + n}`;
  await inPool(
    made.flatMap((SecurityGroupId) => [
      () =>
        client.call('AuthorizeSecurityGroup', {
          RegionId: REGION,
          SecurityGroupId,
          Permissions: Array.from({ length: half }, (_, n) => ({
            IpProtocol: 'tcp',
            PortRange: ports(n),
            SourceCidrIp: `10.${n}.0.0/16`,
            Priority: (n % 100) + 1,
            Description: `inbound rule ${n} of the benchmark`,
          })),
        }),
      () =>
        client.call('AuthorizeSecurityGroupEgress', {
          RegionId: REGION,
          SecurityGroupId,
          Permissions: Array.from({ length: half }, (_, n) => ({
            IpProtocol: 'udp',
            PortRange: ports(n),
            DestCidrIp: `192.168.${n}.0/24`,
            Description: `outbound rule ${n} of the benchmark`,
          })),
        }),
    ]),
    CONCURRENCY,
  );
}

/**
 * The floor: the same ECS calls from this process with ecs-client, CONCURRENCY at a time, the
 * pages asked first and each group's rules as soon as its page is in. No summarising, no JSON
 * answer, no HTTP between browser and BFF.
 */
async function floorListing(client: EcsClient): Promise<number> {
  const slot = slots(CONCURRENCY);
  const page = (PageNumber: number) =>
    slot(() => client.call('DescribeSecurityGroups', { RegionId: REGION, PageNumber, PageSize: PAGE_SIZE }));
  const rulesOf = (groups: readonly SecurityGroup[]) =>
    Promise.all(
      groups.map((group) =>
        slot(() =>
          client.call('DescribeSecurityGroupAttribute', {
            RegionId: REGION,
            SecurityGroupId: group.SecurityGroupId,
            Direction: 'all',
            MaxResults: 1000,
          }),
        ),
      ),
    );
  const first = await page(1);
  const pages = Math.ceil(first.TotalCount / PAGE_SIZE);
  const rest = Array.from({ length: pages - 1 }, async (_, n) =>
    rulesOf((await page(n + 2)).SecurityGroups.SecurityGroup),
  );
  const answers = (await Promise.all([...rest, rulesOf(first.SecurityGroups.SecurityGroup)])).flat();
  return answers.reduce((sum, answer) => sum + answer.Permissions.Permission.length, 0);
}

/** The naive way: every page, then every group's rules, one call after another. */
async function sequentialListing(client: EcsClient): Promise<number> {
  let rules = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await client.call('DescribeSecurityGroups', {
      RegionId: REGION,
      PageNumber: pageNumber,
      PageSize: PAGE_SIZE,
    });
    for (const group of page.SecurityGroups.SecurityGroup) {
      const answer = await client.call('DescribeSecurityGroupAttribute', {
        RegionId: REGION,
        SecurityGroupId: group.SecurityGroupId,
        Direction: 'all',
        MaxResults: 1000,
      });
      rules += answer.Permissions.Permission.length;
    }
    if (pageNumber * PAGE_SIZE >= page.TotalCount) return rules;
  }
}

/**
 * The Security groups listing of a full region (100 groups, 100 rules each: 2 DescribeSecurityGroups
 * pages and 100 DescribeSecurityGroupAttribute calls) through the BFF, emulator adding 50 ms to
 * every ECS call, 16 calls in flight, no cache, against baselines measured in the same run: the
 * floor (the same calls straight from ecs-client, 16 at a time, rules asked as each page arrives)
 * and sequential calls. Goal: within 1.25x of the floor.
 */
export async function securityGroupList(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: 4, latencyMs: LATENCY_MS }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const client = new EcsClient({ credentials, endpoint: emulator.url, regionId: REGION });
  const bff = await startBff(emulator.url, credentials, {
    CONSOLE_FLEET_CONCURRENCY: String(CONCURRENCY),
    CONSOLE_FLEET_CACHE_SECONDS: '0',
  });
  try {
    await fillRegion(client);
    const expectedRules = await floorListing(client);
    const cookie = await signIn(bff.url);
    const list = async () => {
      const response = await fetch(`${bff.url}/api/regions/${REGION}/security-groups`, {
        headers: { cookie, 'accept-encoding': 'identity' },
      });
      const text = await response.text();
      if (!text.slice(-200).includes(`"totalCount":${GROUPS},`)) {
        throw new Error(`expected ${GROUPS} groups, got ${response.status} ${text.slice(0, 200)}`);
      }
    };
    const floor = async () => {
      const rules = await floorListing(client);
      if (rules !== expectedRules) throw new Error(`the floor saw ${rules} rules, expected ${expectedRules}`);
    };
    const sequential = async () => {
      const rules = await sequentialListing(client);
      if (rules !== expectedRules) throw new Error(`sequential calls saw ${rules} rules, expected ${expectedRules}`);
    };
    await list();
    const times = await interleaved(
      { sequential: () => timed(sequential), floor: () => timed(floor), bff: () => timed(list) },
      ROUNDS,
    );
    printTable(
      `Security groups of a region: ${GROUPS} groups, ${expectedRules.toLocaleString('en-US')} rules (${Math.ceil(GROUPS / PAGE_SIZE)} pages + ${GROUPS} rule calls), ECS latency ${LATENCY_MS} ms, ${CONCURRENCY} calls in flight (median of ${ROUNDS})`,
      ['listing', 'time', 'vs sequential', 'vs floor'],
      [
        [
          'sequential calls (ecs-client)',
          fmt.ms(times.sequential),
          fmt.ratio(1),
          fmt.ratio(times.sequential / times.floor),
        ],
        [
          'floor: the same calls, ecs-client, 16 at a time',
          fmt.ms(times.floor),
          fmt.ratio(times.floor / times.sequential),
          fmt.ratio(1),
        ],
        [
          'through the BFF',
          fmt.ms(times.bff),
          fmt.ratio(times.bff / times.sequential),
          fmt.ratio(times.bff / times.floor),
        ],
      ],
    );
    console.log(`Goal: within 1.25x of the floor (${times.bff <= 1.25 * times.floor ? 'met' : 'missed'}).`);
  } finally {
    await client.close();
    await bff.close();
    await emulator.close();
  }
}
