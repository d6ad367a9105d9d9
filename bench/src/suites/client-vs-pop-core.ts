import { createRequire } from 'node:module';
import { EcsClient } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, printTable, throughput } from '../lib/measure.js';

const require = createRequire(import.meta.url);
interface PopCoreClient {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<unknown>;
}
const PopCore = require('@alicloud/pop-core') as new (config: Record<string, unknown>) => PopCoreClient;

const CREDENTIALS = { accessKeyId: 'benchid', accessKeySecret: 'benchsecret' };

/**
 * ecs-client against @alicloud/pop-core (the baseline), both calling the same local server in
 * another process, at concurrency 1 and 50. Goal: at least 2x at 50 and no slower at 1.
 */
export async function clientVsPopCore(): Promise<void> {
  const server = await startChildServer(new URL('../servers/canned-ecs-server.js', import.meta.url));
  const popCore = new PopCore({ ...CREDENTIALS, endpoint: server.url, apiVersion: '2014-05-26' });
  const v3 = new EcsClient({ credentials: CREDENTIALS, endpoint: server.url, regionId: 'cn-hangzhou' });
  const v2 = new EcsClient({
    credentials: CREDENTIALS,
    endpoint: server.url,
    regionId: 'cn-hangzhou',
    signatureVersion: 'v2',
  });
  const rows: string[][] = [];
  const workloads = [
    { action: 'DescribeInstances', params: { RegionId: 'cn-hangzhou', PageSize: 10 } },
    { action: 'StartInstance', params: { InstanceId: 'i-bp1bench00000001' } },
  ] as const;
  try {
    for (const { action, params } of workloads) {
      for (const concurrency of [1, 50]) {
        const requests = concurrency === 1 ? 1_500 : 6_000;
        const run = (send: () => Promise<unknown>) => () => throughput(send, { concurrency, requests });
        // Warm up connections and JIT for every contender before measuring.
        await run(() => popCore.request(action, params))();
        await run(() => v3.call(action, params))();
        await run(() => v2.call(action, params))();
        const result = await interleaved(
          {
            popCore: run(() => popCore.request(action, params)),
            v3: run(() => v3.call(action, params)),
            v2: run(() => v2.call(action, params)),
          },
          5,
        );
        rows.push([
          action,
          String(concurrency),
          fmt.rate(result.popCore),
          fmt.rate(result.v3),
          fmt.ratio(result.v3 / result.popCore),
          fmt.rate(result.v2),
          fmt.ratio(result.v2 / result.popCore),
        ]);
      }
    }
  } finally {
    await Promise.all([v3.close(), v2.close()]);
    await server.close();
  }
  printTable(
    'ecs-client vs @alicloud/pop-core (baseline), same local server in another process, median of 5 interleaved rounds',
    ['action', 'concurrency', 'pop-core', 'ecs-client V3', 'V3 / pop-core', 'ecs-client V2', 'V2 / pop-core'],
    rows,
  );
  console.log('Goal: ecs-client >= 2.00x pop-core at concurrency 50, >= 1.00x at concurrency 1.');
}
