import { EcsClient, listAll, type Credentials } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, printTable } from '../lib/measure.js';
import { invalidateListing, listThroughBff, signIn, startBff } from '../servers/bff-child.js';

const FLEET = 3_000;
const STAFF = 20;
const LATENCY_MS = 20;
const REGION = 'cn-hangzhou';

/** DescribeInstances requests the emulator has answered so far (its control API's per-action counts). */
async function describeCalls(emulatorUrl: string): Promise<number> {
  const response = await fetch(`${emulatorUrl}/__emulator/status`);
  const status = (await response.json()) as { requestsByAction: Record<string, number> };
  return status.requestsByAction.DescribeInstances ?? 0;
}

async function countCalls(emulatorUrl: string, work: () => Promise<unknown>): Promise<number> {
  const before = await describeCalls(emulatorUrl);
  await work();
  return (await describeCalls(emulatorUrl)) - before;
}

/**
 * Upstream DescribeInstances calls when 20 staff open one 3,000-instance region at once: through
 * the BFF's shared listing (cache cold, then warm) against 20 independent listings of the same
 * region (what each browser's listing cost before), counted by the emulator in the same run.
 */
export async function fleetSharing(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: FLEET, latencyMs: LATENCY_MS }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const bff = await startBff(emulator.url, credentials, { CONSOLE_FLEET_CACHE_SECONDS: '30' });
  const client = new EcsClient({ credentials, endpoint: emulator.url, regionId: REGION });
  try {
    const cookies: string[] = [];
    for (let n = 0; n < STAFF; n++) cookies.push(await signIn(bff.url));
    const everyone = () => Promise.all(cookies.map((cookie) => listThroughBff(bff.url, cookie, REGION, FLEET)));

    const independent = await countCalls(emulator.url, () =>
      Promise.all(cookies.map(() => listAll(client, 'DescribeInstances', { RegionId: REGION }))),
    );
    await invalidateListing(bff.url, cookies[0]!, REGION);
    const cold = await countCalls(emulator.url, everyone);
    const warm = await countCalls(emulator.url, everyone);

    printTable(
      `DescribeInstances calls when ${STAFF} staff list one ${FLEET.toLocaleString('en-US')}-instance region at once`,
      ['listings', 'upstream calls', 'vs independent'],
      [
        [`${STAFF} independent listings (baseline)`, String(independent), fmt.ratio(1)],
        ['through the BFF, cache cold (one shared listing)', String(cold), fmt.ratio(cold / independent)],
        ['through the BFF, cache warm', String(warm), fmt.ratio(warm / independent)],
      ],
    );
  } finally {
    await client.close();
    await bff.close();
    await emulator.close();
  }
}
