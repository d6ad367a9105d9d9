import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEET_IDS_MAX, type FleetInstancesAnswer } from '@ecs-console/contract';
import { FLEET_PATH, firstRunning, instanceIn, startFleetBed, type FleetBed } from './support/fleet-bed.js';

/** Three pages. */
const INSTANCES = 300;

let bed: FleetBed;
beforeAll(async () => {
  bed = await startFleetBed(INSTANCES, { CONSOLE_FLEET_CACHE_SECONDS: '300' });
}, 60_000);
afterAll(() => bed.close());

const byIds = (ids: string) => bed.admin.get(`${FLEET_PATH}?ids=${ids}`);

describe('GET /api/regions/:regionId/instances?ids=', { timeout: 60_000 }, () => {
  it('answers the named instances from ECS in one call, each ID once', async () => {
    const listed = await bed.list();
    const [a, b] = listed.instances;
    const before = bed.describeCalls();
    const answer = await byIds(`${a!.InstanceId},${b!.InstanceId},${a!.InstanceId}`);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as FleetInstancesAnswer;
    expect(body.regionId).toBe('cn-hangzhou');
    expect(body.requestedIds).toEqual([a!.InstanceId, b!.InstanceId]);
    expect(body.instances.map((instance) => instance.InstanceId).sort()).toEqual([a!.InstanceId, b!.InstanceId].sort());
    expect(body.instances[0]).toEqual(instanceIn(listed, body.instances[0]!.InstanceId));
    expect(Date.parse(body.fetchedAt)).not.toBeNaN();
    expect(bed.describeCalls() - before).toBe(1);
  });

  it.each([
    ['a malformed ID', 'i-ok12345,not-an-id'],
    ['an empty list', ''],
    ['more than the most IDs', Array.from({ length: FLEET_IDS_MAX + 1 }, (_, n) => `i-fleet${n}x`).join(',')],
    ['the parameter twice', 'i-ok12345&ids=i-ok67890'],
  ])('refuses %s with 400 InvalidParameter naming ids', async (_case, ids) => {
    const before = bed.describeCalls();
    const answer = await byIds(ids);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.message).toContain('ids');
    expect(answer.body.requestId).toEqual(expect.any(String));
    expect(bed.describeCalls()).toBe(before);
  });

  it('refuses an unknown query parameter with 400 naming it', async () => {
    const answer = await bed.admin.get(`${FLEET_PATH}?idz=i-ok12345`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('idz');
  });

  it('accepts exactly the most IDs', async () => {
    const listed = await bed.list();
    const ids = listed.instances.slice(0, FLEET_IDS_MAX).map((instance) => instance.InstanceId);
    const answer = await byIds(ids.join(','));
    expect(answer.status).toBe(200);
    expect((answer.body as unknown as FleetInstancesAnswer).instances).toHaveLength(FLEET_IDS_MAX);
  });

  it('patches the shared listing with what it learnt, without listing the region again', async () => {
    const listed = await bed.list();
    const target = firstRunning(listed);
    // Changed outside the console: the shared listing cannot know.
    await bed.ecs.call('StopInstance', { InstanceId: target.InstanceId });
    expect(instanceIn(await bed.list(), target.InstanceId)?.Status).toBe('Running');

    const before = bed.describeCalls();
    const answer = await byIds(target.InstanceId);
    expect((answer.body as unknown as FleetInstancesAnswer).instances[0]?.Status).toBe('Stopping');
    const after = await bed.list();
    expect(instanceIn(after, target.InstanceId)?.Status).toBe('Stopping');
    expect(after.version).not.toBe(listed.version);
    expect(after.totalCount).toBe(listed.totalCount);
    expect(bed.describeCalls() - before).toBe(1);
  });

  it('leaves IDs ECS no longer has out of the answer, and out of the shared listing', async () => {
    const listed = await bed.list();
    const target = firstRunning(listed);
    await bed.ecs.call('DeleteInstance', { InstanceId: target.InstanceId, Force: true });
    const kept = listed.instances.find((instance) => instance.InstanceId !== target.InstanceId)!;

    const answer = await byIds(`${target.InstanceId},${kept.InstanceId}`);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as FleetInstancesAnswer;
    expect(body.requestedIds).toEqual([target.InstanceId, kept.InstanceId]);
    expect(body.instances.map((instance) => instance.InstanceId)).toEqual([kept.InstanceId]);

    const after = await bed.list();
    expect(instanceIn(after, target.InstanceId)).toBeUndefined();
    expect(after.totalCount).toBe(listed.totalCount - 1);
    expect(after.instances).toHaveLength(listed.totalCount - 1);
    expect(after.version).not.toBe(listed.version);
  });

  it('keeps the version when what it learnt changes nothing', async () => {
    const listed = await bed.list();
    await byIds(listed.instances[5]!.InstanceId);
    expect((await bed.list()).version).toBe(listed.version);
  });
});
