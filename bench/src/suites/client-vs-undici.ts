import { EcsClient, type HttpTransport } from '@ecs-console/ecs-client';
import { Agent } from 'undici';
import { startChildServer } from '../lib/child-server.js';
import { fmt, median, printTable, throughput } from '../lib/measure.js';

const CREDENTIALS = { accessKeyId: 'benchid', accessKeySecret: 'benchsecret' };
const ROUNDS = 11;

interface Sample {
  /** Calls per second. */
  readonly rate: number;
  /** This process's CPU time per call (µs): what the client costs, whatever else the machine runs. */
  readonly cpuPerCall: number;
}

async function sample(send: () => Promise<unknown>, concurrency: number, requests: number): Promise<Sample> {
  const cpu = process.cpuUsage();
  const rate = await throughput(send, { concurrency, requests });
  const used = process.cpuUsage(cpu);
  return { rate, cpuPerCall: (used.user + used.system) / requests };
}

/**
 * Median throughput and CPU per call of both contenders over short rounds that alternate which
 * goes first, so that load from other processes falls on both alike.
 */
async function compare(
  undici: () => Promise<unknown>,
  client: () => Promise<unknown>,
  concurrency: number,
  requests: number,
): Promise<{ undici: Sample; client: Sample }> {
  const samples = { undici: [] as Sample[], client: [] as Sample[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['undici', 'client'] as const) : (['client', 'undici'] as const);
    for (const name of order)
      samples[name].push(await sample(name === 'undici' ? undici : client, concurrency, requests));
  }
  const summary = (list: Sample[]): Sample => ({
    rate: median(list.map((s) => s.rate)),
    cpuPerCall: median(list.map((s) => s.cpuPerCall)),
  });
  return { undici: summary(samples.undici), client: summary(samples.client) };
}

interface Exchange {
  readonly path: string;
  readonly headers: Record<string, string>;
}

/**
 * The bytes the client sends for this call, captured once from a real signed request: the
 * baseline re-sends them as they are, so it does everything the client does on the wire but no
 * parameter encoding, signing, retry bookkeeping or error handling.
 */
async function captureExchange(url: string, action: string, params: Record<string, unknown>): Promise<Exchange> {
  let captured: Exchange | undefined;
  const recorder = new EcsClient({
    credentials: CREDENTIALS,
    endpoint: url,
    regionId: 'cn-hangzhou',
    transport: {
      send: (request: { path: string; headers: Record<string, string> }) => {
        captured = { path: request.path, headers: { ...request.headers } };
        return Promise.resolve({ statusCode: 200, headers: {}, body: '{"RequestId":"captured"}' });
      },
      close: () => Promise.resolve(),
    } as unknown as HttpTransport,
  });
  await recorder.call(action, params);
  if (!captured) throw new Error('the client sent nothing');
  return captured;
}

/**
 * ecs-client against "undici alone": the same local server (in another process), an undici
 * `Agent` with the client's settings sending the client's request bytes (precomputed, unsigned)
 * and JSON-parsing the answer. The ratio is how much of undici's throughput the client keeps
 * while signing every request afresh. Goal: >= 0.85 at concurrency 50.
 */
export async function clientVsUndici(): Promise<void> {
  const server = await startChildServer(new URL('../servers/canned-ecs-server.js', import.meta.url));
  const client = new EcsClient({ credentials: CREDENTIALS, endpoint: server.url, regionId: 'cn-hangzhou' });
  // The client's transport defaults: 64 connections per origin, 4 s keep-alive, 5 s connect, 30 s header/body timeouts.
  const agent = new Agent({
    connections: 64,
    keepAliveTimeout: 4_000,
    maxResponseSize: 32 * 1024 * 1024,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
    connect: { timeout: 5_000 },
  });
  const workloads = [
    { action: 'StartInstance', params: { InstanceId: 'i-bp1bench00000001' } },
    { action: 'DescribeInstances', params: { RegionId: 'cn-hangzhou', PageSize: 10 } },
  ] as const;
  const rows: string[][] = [];
  try {
    for (const { action, params } of workloads) {
      const exchange = await captureExchange(server.url, action, params);
      const undiciAlone = async () => {
        const response = await agent.request({
          origin: server.url,
          path: exchange.path,
          method: 'POST',
          headers: exchange.headers,
        });
        return JSON.parse(await response.body.text()) as unknown;
      };
      const ecsClient = () => client.call(action, params);
      for (const concurrency of [1, 50]) {
        const requests = concurrency === 1 ? 1_000 : 3_000;
        // Warm up connections and JIT for both before measuring.
        await sample(undiciAlone, concurrency, requests);
        await sample(ecsClient, concurrency, requests);
        const result = await compare(undiciAlone, ecsClient, concurrency, requests);
        rows.push([
          action,
          String(concurrency),
          fmt.rate(result.undici.rate),
          fmt.rate(result.client.rate),
          fmt.ratio(result.client.rate / result.undici.rate),
          fmt.ratio(result.undici.cpuPerCall / result.client.cpuPerCall),
        ]);
      }
    }
  } finally {
    await client.close();
    await agent.close();
    await server.close();
  }
  printTable(
    `ecs-client vs undici alone (baseline: undici request() with the same Agent settings and request bytes, unsigned, JSON-parsed), same server in another process, median of ${ROUNDS} interleaved rounds`,
    ['action', 'concurrency', 'undici alone', 'ecs-client V3', 'client / undici', 'by CPU per call'],
    rows,
  );
  console.log(
    'Goal: ecs-client >= 0.85x undici alone at concurrency 50. "By CPU per call" is undici\'s CPU time per call over the',
  );
  console.log("client's: the same ratio, measured so that other processes on a busy machine do not sway it.");
}
