import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EcsClient, type Credentials } from '@ecs-console/ecs-client';
import { startChildServer } from '../lib/child-server.js';
import { fmt, interleaved, median, percentile, printTable, throughput } from '../lib/measure.js';

const FLEET = 10_000;
const PAGE_SIZE = 100;
const PAGES = FLEET / PAGE_SIZE;

/**
 * The emulator serving DescribeInstances pages of 100 out of a 10,000-instance region, against a
 * baseline of the canned server answering the very same bytes (each page as the emulator answered
 * it, with the same headers) at raw-socket cost, so the difference is what the emulator spends:
 * parsing, signature checks, filtering, serialising, Node's HTTP server. Both run in their own
 * process. Goal: at least 0.35x the canned rate at concurrency 8.
 */
export async function emulatorPages(): Promise<void> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: FLEET }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const onEmulator = new EcsClient({ credentials, endpoint: emulator.url, regionId: 'cn-hangzhou' });
  // The emulator writes JSON.stringify's output, so re-serialising what the client parsed gives its bytes back.
  const pages: string[] = [];
  for (let number = 1; number <= PAGES; number++) {
    const answer = await onEmulator.call('DescribeInstances', {
      RegionId: 'cn-hangzhou',
      PageNumber: number,
      PageSize: PAGE_SIZE,
    });
    pages.push(JSON.stringify(answer));
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-emulator-pages-'));
  const pagesFile = join(dir, 'pages.json');
  await writeFile(pagesFile, JSON.stringify(pages));
  const canned = await startChildServer(new URL('../servers/canned-ecs-server.js', import.meta.url), [
    '--pages-file',
    pagesFile,
  ]);
  const onCanned = new EcsClient({ credentials, endpoint: canned.url, regionId: 'cn-hangzhou' });
  let page = 0;
  const nextPage = (client: EcsClient) => () =>
    client.call('DescribeInstances', {
      RegionId: 'cn-hangzhou',
      PageNumber: (page++ % PAGES) + 1,
      PageSize: PAGE_SIZE,
    });
  const rows: string[][] = [];
  try {
    for (const concurrency of [1, 8]) {
      const requests = concurrency === 1 ? 400 : 1_500;
      await throughput(nextPage(onEmulator), { concurrency, requests: 200 });
      await throughput(nextPage(onCanned), { concurrency, requests: 200 });
      await emulator.ask('stats');
      const result = await interleaved(
        {
          canned: () => throughput(nextPage(onCanned), { concurrency, requests }),
          emulator: () => throughput(nextPage(onEmulator), { concurrency, requests }),
        },
        3,
      );
      const { durations } = (await emulator.ask('stats')) as { durations: number[] };
      rows.push([
        String(concurrency),
        fmt.rate(result.canned),
        fmt.rate(result.emulator),
        fmt.ratio(result.emulator / result.canned),
        fmt.ms(median(durations)),
        fmt.ms(percentile(durations, 99)),
      ]);
    }
  } finally {
    await Promise.all([onEmulator.close(), onCanned.close()]);
    await Promise.all([emulator.close(), canned.close()]);
    await rm(dir, { recursive: true, force: true });
  }
  printTable(
    `Emulator: DescribeInstances pages of ${PAGE_SIZE} out of ${FLEET.toLocaleString('en-US')} instances (baseline: canned server, same bytes)`,
    ['concurrency', 'canned pages/s', 'emulator pages/s', 'emulator / canned', 'server p50', 'server p99'],
    rows,
  );
  console.log('Goal: emulator / canned >= 0.35x at concurrency 8.');
}
