import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FleetAnswer } from '@ecs-console/contract';
import {
  FLEET_PATH,
  FLEET_REGION,
  firstRunning,
  instanceIn,
  startFleetBed,
  type FleetBed,
} from './support/fleet-bed.js';

/** 1,000 instances: a listing is 10 DescribeInstances pages. */
const INSTANCES = 1000;
const PAGES = 10;

let bed: FleetBed;
beforeAll(async () => {
  // A cache that outlives every test: only invalidation ends it here.
  bed = await startFleetBed(INSTANCES, { CONSOLE_FLEET_CACHE_SECONDS: '300' });
}, 60_000);
afterAll(() => bed.close());

describe('one upstream listing per region for all staff', { timeout: 60_000 }, () => {
  it('20 parallel requests cost one listing of pages upstream, and the next one none', async () => {
    await bed.invalidate();
    const before = bed.describeCalls();
    const answers = await Promise.all(Array.from({ length: 20 }, () => bed.admin.get(FLEET_PATH)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect((answers[0]!.body as unknown as FleetAnswer).totalCount).toBe(INSTANCES);
    expect(bed.describeCalls() - before).toBe(PAGES);

    expect((await bed.admin.get(FLEET_PATH)).text).toBe(answers[0]!.text);
    expect(bed.describeCalls() - before).toBe(PAGES);
  });

  it('a write through /api/ecs invalidates the region: the next listing shows the instance Stopping', async () => {
    const listed = await bed.list();
    const target = firstRunning(listed);
    const before = bed.describeCalls();
    const stop = await bed.admin.post('/api/ecs/StopInstance', {
      RegionId: FLEET_REGION,
      InstanceId: target.InstanceId,
    });
    expect(stop.status).toBe(200);

    const after = await bed.list();
    expect(instanceIn(after, target.InstanceId)?.Status).toBe('Stopping');
    expect(after.version).not.toBe(listed.version);
    expect(bed.describeCalls() - before).toBe(PAGES);
  });

  it('answers 304 with no body to If-None-Match with the current version, and 200 with a new one after a change', async () => {
    const first = await bed.admin.get(FLEET_PATH);
    const version = (first.body as unknown as FleetAnswer).version;
    expect(first.headers.get('etag')).toBe(`"${version}"`);
    expect(first.headers.get('cache-control')).toBe('no-store');

    const unchanged = await bed.admin.request('GET', FLEET_PATH, undefined, { 'if-none-match': `"${version}"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(`"${version}"`);

    const target = firstRunning(first.body as unknown as FleetAnswer);
    await bed.admin.post('/api/ecs/StopInstance', { RegionId: FLEET_REGION, InstanceId: target.InstanceId });
    const changed = await bed.admin.request('GET', FLEET_PATH, undefined, { 'if-none-match': `"${version}"` });
    expect(changed.status).toBe(200);
    const answer = changed.body as unknown as FleetAnswer;
    expect(answer.version).not.toBe(version);
    expect(changed.headers.get('etag')).toBe(`"${answer.version}"`);
    expect(instanceIn(answer, target.InstanceId)?.Status).toBe('Stopping');
  });

  it('gives every waiter the ECS error of a failed listing (Forbidden.RAM) and does not keep it', async () => {
    await bed.invalidate();
    bed.emulator.control.injectError({
      action: 'DescribeInstances',
      code: 'Forbidden.RAM',
      httpStatus: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    // The refusal is slow to come back, so the other requests join the listing while it waits.
    bed.emulator.control.setFaults({ latencyMs: 1500 });
    const before = bed.describeCalls();
    let answers;
    try {
      const first = bed.admin.get(FLEET_PATH);
      await vi.waitFor(() => expect(bed.describeCalls()).toBeGreaterThan(before), { timeout: 10_000 });
      answers = await Promise.all([first, ...Array.from({ length: 4 }, () => bed.admin.get(FLEET_PATH))]);
    } finally {
      bed.emulator.control.setFaults({ latencyMs: 0 });
    }
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('Forbidden.RAM');
    }
    const requestIds = new Set(answers.map((answer) => answer.body.requestId));
    expect(requestIds.size).toBe(1);
    expect([...requestIds][0]).toEqual(expect.any(String));
    expect(bed.describeCalls() - before).toBe(1);

    expect((await bed.admin.get(FLEET_PATH)).status).toBe(200);
    expect(bed.describeCalls() - before).toBe(1 + PAGES);
  });

  it('a browser that disconnects does not abort the listing the others share', async () => {
    await bed.invalidate();
    const before = bed.describeCalls();
    bed.emulator.control.setFaults({ latencyMs: 400 });
    try {
      const leaving = new AbortController();
      const gone = fetch(`${bed.app.url}${FLEET_PATH}`, {
        headers: { cookie: bed.admin.cookie },
        signal: leaving.signal,
      }).then(
        () => 'answered',
        () => 'aborted',
      );
      await vi.waitFor(() => expect(bed.describeCalls()).toBeGreaterThan(before), { timeout: 10_000 });
      const staying = bed.admin.get(FLEET_PATH);
      leaving.abort();
      expect(await gone).toBe('aborted');
      const answer = await staying;
      expect(answer.status).toBe(200);
      expect((answer.body as unknown as FleetAnswer).totalCount).toBe(INSTANCES);
      expect(bed.describeCalls() - before).toBe(PAGES);
    } finally {
      bed.emulator.control.setFaults({ latencyMs: 0 });
    }
  });
});
