import type { CDPSession, Page } from 'playwright-core';
import {
  browserSkipReason,
  launchChromium,
  REGION,
  signedInPage,
  startConsoleUnderTest,
  webRoot,
} from '../lib/browser.js';
import { fmt, printTable } from '../lib/measure.js';

const FLEET = 10_000;
const WINDOW_MS = 10_000;
/**
 * Emulated seconds per real second: 1, so the stop takes ECS's 10 s and the instance is still
 * stopping when the first refresh after the Stop answers.
 */
const SPEED = 1;
/** What the first refresh after the Stop takes on an idle machine. */
const REFRESH_ON_IDLE_MS = 1_000;

interface ListRequest {
  readonly url: string;
  readonly sentAt: number;
  status?: number;
  bytes?: number;
  finishedAt?: number;
}

/** Every request of the page to the region's instance list, with its bytes on the wire (CDP). */
async function recordListRequests(page: Page): Promise<{ requests: Map<string, ListRequest>; cdp: CDPSession }> {
  const requests = new Map<string, ListRequest>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => {
    if (new URL(event.request.url).pathname.startsWith(`/api/regions/${REGION}/instances`)) {
      requests.set(event.requestId, { url: event.request.url, sentAt: Date.now() });
    }
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.status = event.response.status;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    // Headers and body as received, compressed if the answer was.
    if (request) {
      request.bytes = event.encodedDataLength;
      request.finishedAt = Date.now();
    }
  });
  return { requests, cdp };
}

const kindOf = (request: ListRequest) =>
  new URL(request.url).searchParams.has('ids') ? 'by ID' : request.status === 304 ? 'whole, 304' : 'whole';

/** Resolves once every request in `requests` has finished (or after `timeoutMs`). */
async function allFinished(requests: readonly ListRequest[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (requests.some((request) => request.bytes === undefined) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Bytes the instance list moves while one instance of 10,000 stops: the user stops it with the
 * page's own action, then the list follows the stop for 10 s. Counted with Chromium's CDP (`encodedDataLength`: bytes on the wire),
 * only the list's requests, against the bytes of the first load (one full list) in the same run.
 */
export async function refreshBytes(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`\nRefresh bytes: skipped: ${skip}`);
    return;
  }
  const running = await startConsoleUnderTest({ instances: FLEET, speed: SPEED });
  const browser = await launchChromium();
  try {
    let recorder: Awaited<ReturnType<typeof recordListRequests>> | undefined;
    const { page, instances } = await signedInPage(browser, running.url, async (p) => {
      recorder = await recordListRequests(p);
    });
    const { requests } = recorder!;
    const firstLoad = [...requests.values()].find((request) => request.status === 200);
    await allFinished(firstLoad ? [firstLoad] : [], 60_000);
    if (!firstLoad?.bytes) throw new Error('the first load of the list was not seen');
    const target = instances.find(
      (instance) => instance.Status === 'Running' && (instance.OperationLocks?.LockReason ?? []).length === 0,
    );
    if (!target) throw new Error('no running instance without locks to stop');

    // The user finds the instance, selects it and stops it with the page's own action.
    const filter = page.getByRole('combobox', { name: 'Filter instances' });
    await filter.fill(target.InstanceId);
    await filter.press('Enter');
    const row = page.getByRole('row').filter({ hasText: target.InstanceId });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Instance state' }).click();
    await page.getByRole('menuitem', { name: 'Stop' }).click();
    const started = Date.now();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click();
    // The window: 10 s from the Stop, or, when the first refresh after it took long (a busy
    // machine), until as long after its answer as the page would have had on an idle one.
    const sentSince = (since: number) => [...requests.values()].filter((request) => request.sentAt >= since);
    while (!sentSince(started).some((request) => request.finishedAt) && Date.now() - started < 60_000) {
      await page.waitForTimeout(100);
    }
    const refreshed = sentSince(started).find((request) => request.finishedAt)?.finishedAt ?? started;
    const windowEnd = Math.max(started + WINDOW_MS, refreshed + WINDOW_MS - REFRESH_ON_IDLE_MS);
    await page.waitForTimeout(Math.max(0, windowEnd - Date.now()));
    const inWindow = sentSince(started).filter((request) => request.sentAt < windowEnd);
    await allFinished(inWindow, 60_000);

    const kinds = new Map<string, { count: number; bytes: number }>();
    for (const request of inWindow) {
      const kind = kinds.get(kindOf(request)) ?? { count: 0, bytes: 0 };
      kind.count += 1;
      kind.bytes += request.bytes ?? 0;
      kinds.set(kindOf(request), kind);
    }
    const total = inWindow.reduce((sum, request) => sum + (request.bytes ?? 0), 0);
    const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
    printTable(
      `Instance list refreshes during ${((windowEnd - started) / 1000).toFixed(1)} s while 1 of ${FLEET.toLocaleString('en-US')} instances stops (Stop from the page, emulator speed ${SPEED}x; SPA ${webRoot()})`,
      ['requests', 'count', 'bytes on the wire', 'vs one full list'],
      [
        ['one full list (first load, baseline)', '1', kb(firstLoad.bytes), fmt.ratio(1)],
        ...[...kinds].map(([kind, { count, bytes }]) => [
          kind,
          String(count),
          kb(bytes),
          fmt.ratio(bytes / firstLoad.bytes!),
        ]),
        ['all refreshes in the window', String(inWindow.length), kb(total), fmt.ratio(total / firstLoad.bytes)],
      ],
    );
    console.log('Goal: far below 1.00x: following the stop costs only the stopping instance, not the region.');
  } finally {
    await browser.close();
    await running.close();
  }
}
