import { startEmulator, type RunningEmulator } from '@ecs-console/ecs-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Browser, startTestConsole } from './support/console-harness.js';

/**
 * The console's ECS client shares one retry budget between all its calls: under sustained
 * throttling ECS sees at most one extra request per 5 tokens, while at 30 % throttling whole-region
 * lists (100 pages each) still complete. The emulator is a separate server here so that every
 * request it answers can be counted.
 */
const REGION = 'cn-hangzhou';
const PAGES = 100;
let ecs: RunningEmulator;
let requestsToEcs = 0;

beforeAll(async () => {
  ecs = await startEmulator({
    instances: PAGES * 100,
    fleetRegion: REGION,
    onRequest: () => void requestsToEcs++,
  });
  // The console finds its AccessKey in the environment, as a deployment against a private endpoint does.
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = ecs.credentials.accessKeyId;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = ecs.credentials.accessKeySecret;
}, 60_000);

afterAll(async () => {
  delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  await ecs.close();
});

async function consoleOnEcs(env: Record<string, string> = {}) {
  const app = await startTestConsole({
    CONSOLE_EMULATOR: 'auto',
    ECS_ENDPOINT: ecs.url,
    // The default (the test harness lowers it to keep other tests quick).
    CONSOLE_ECS_MAX_ATTEMPTS: '10',
    // Every listing goes to ECS (none answered from the shared listing's cache).
    CONSOLE_FLEET_CACHE_SECONDS: '0',
    ...env,
  });
  const browser = new Browser(app.url);
  expect((await browser.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  return { app, browser };
}

describe('ECS retry budget', () => {
  it('keeps the load on a fully throttling ECS within calls + budget / 5 requests', async () => {
    const { app, browser } = await consoleOnEcs({ CONSOLE_ECS_RETRY_BUDGET: '100' });
    try {
      expect(app.backend.kind).toBe('endpoint');
      ecs.control.setFaults({ throttleRate: 1 });
      requestsToEcs = 0;
      const calls = 40;
      const answers = await Promise.all(
        // Calls that are not shared: concurrent region listings would be one listing.
        Array.from({ length: calls }, () => browser.post('/api/ecs/DescribeRegions', {})),
      );
      expect(answers.every((answer) => answer.status === 400 && answer.body.code === 'Throttling')).toBe(true);
      // Ten attempts each would have been 400 requests; the budget of 100 tokens allows 20 retries in all.
      expect(requestsToEcs).toBeLessThanOrEqual(calls + 100 / 5);
      expect(requestsToEcs).toBeGreaterThan(calls);

      // With the budget spent, each further call is sent once, however long the throttling lasts.
      requestsToEcs = 0;
      const more = await Promise.all(Array.from({ length: 20 }, () => browser.post('/api/ecs/DescribeRegions', {})));
      expect(more.every((answer) => answer.status === 400)).toBe(true);
      expect(requestsToEcs).toBe(20);

      // When ECS recovers, lists work again and successes refill the budget.
      ecs.control.setFaults({ throttleRate: 0 });
      const list = await browser.get(`/api/regions/${REGION}/instances`);
      expect(list.status).toBe(200);
      expect(list.body.totalCount).toBe(PAGES * 100);
      expect(app.backend.client.retryQuota.available).toBeGreaterThanOrEqual(PAGES);
    } finally {
      ecs.control.setFaults({ throttleRate: 0 });
      await app.close();
    }
  }, 60_000);

  it('still lists a 100-page region, again and again, at 30 % throttling', async () => {
    const { app, browser } = await consoleOnEcs();
    try {
      ecs.control.setFaults({ throttleRate: 0.3, seed: 30 });
      for (let round = 0; round < 3; round++) {
        requestsToEcs = 0;
        const list = await browser.get(`/api/regions/${REGION}/instances`);
        expect(list.status).toBe(200);
        expect(list.body.totalCount).toBe(PAGES * 100);
        expect((list.body.instances as unknown[]).length).toBe(PAGES * 100);
        // About 1 / 0.7 requests per page, so roughly 143 per list; retries did happen.
        expect(requestsToEcs).toBeGreaterThan(PAGES);
      }
      // The budget never ran low: throttling this rare costs about what successes give back.
      expect(app.backend.client.retryQuota.available).toBeGreaterThan(app.backend.client.retryQuota.capacity / 2);
    } finally {
      ecs.control.setFaults({ throttleRate: 0, seed: null });
      await app.close();
    }
  }, 120_000);
});
