import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DISK_SUMMARY_FIELDS,
  REGION_LIST_IDS_MAX,
  SNAPSHOT_SUMMARY_FIELDS,
  type DiskListAnswer,
  type DisksByIdAnswer,
  type SnapshotListAnswer,
  type SnapshotsByIdAnswer,
} from '@ecs-console/contract';
import { signedInBrowser } from './support/console-harness.js';
import { FLEET_REGION, startFleetBed, type FleetBed } from './support/fleet-bed.js';

/** 150 instances, each with a system disk: at least two DescribeDisks pages. */
const INSTANCES = 150;
const DISKS_PATH = `/api/regions/${FLEET_REGION}/disks`;
const SNAPSHOTS_PATH = `/api/regions/${FLEET_REGION}/snapshots`;

let bed: FleetBed;
beforeAll(async () => {
  // A cache that outlives every test: only writes through the console (or `?ids=`) change what it answers.
  bed = await startFleetBed(INSTANCES, { CONSOLE_FLEET_CACHE_SECONDS: '300' });
}, 60_000);
afterAll(() => bed.close());

const calls = (action: string) => bed.emulator.control.status().requestsByAction[action] ?? 0;

async function disks(): Promise<DiskListAnswer> {
  const answer = await bed.admin.get(DISKS_PATH);
  if (answer.status !== 200) throw new Error(`disk listing failed: ${answer.text}`);
  return answer.body as unknown as DiskListAnswer;
}

async function snapshots(): Promise<SnapshotListAnswer> {
  const answer = await bed.admin.get(SNAPSHOTS_PATH);
  if (answer.status !== 200) throw new Error(`snapshot listing failed: ${answer.text}`);
  return answer.body as unknown as SnapshotListAnswer;
}

/** A snapshot of the first disk, made through the console. */
async function snapshotThroughConsole(name: string): Promise<string> {
  const disk = (await disks()).disks[0]!;
  const created = await bed.admin.post('/api/ecs/CreateSnapshot', {
    RegionId: FLEET_REGION,
    DiskId: disk.DiskId,
    SnapshotName: name,
    RetentionDays: 7,
  });
  expect(created.status).toBe(200);
  return created.body.SnapshotId as string;
}

describe('GET /api/regions/:regionId/disks', { timeout: 60_000 }, () => {
  it('answers every disk of the region, summarised, with the count ECS gives and pages fetched once', async () => {
    const direct = await bed.ecs.call('DescribeDisks', { RegionId: FLEET_REGION, PageSize: 100 });
    const expectedPages = Math.ceil(direct.TotalCount / 100);
    expect(expectedPages).toBeGreaterThan(1);
    await bed.invalidate();
    const before = calls('DescribeDisks');
    const answer = await disks();
    expect(calls('DescribeDisks') - before).toBe(expectedPages);
    expect(answer).toMatchObject({ regionId: FLEET_REGION, totalCount: direct.TotalCount, pages: expectedPages });
    expect(answer.disks).toHaveLength(direct.TotalCount);
    expect(new Set(answer.disks.map((disk) => disk.DiskId)).size).toBe(direct.TotalCount);
    const first = direct.Disks.Disk[0]!;
    const listed = answer.disks.find((disk) => disk.DiskId === first.DiskId)!;
    expect(Object.keys(listed).every((field) => (DISK_SUMMARY_FIELDS as readonly string[]).includes(field))).toBe(true);
    for (const field of DISK_SUMMARY_FIELDS) expect(listed[field]).toEqual(first[field]);
    expect(Date.parse(answer.fetchedAt)).not.toBeNaN();
  });

  it('answers 304 to If-None-Match with the current version', async () => {
    const first = await bed.admin.get(DISKS_PATH);
    const version = (first.body as unknown as DiskListAnswer).version;
    expect(first.headers.get('etag')).toBe(`"${version}"`);
    const unchanged = await bed.admin.request('GET', DISKS_PATH, undefined, { 'if-none-match': `"${version}"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
  });

  it('20 parallel requests share one listing upstream', async () => {
    await bed.invalidate();
    const before = calls('DescribeDisks');
    const answers = await Promise.all(Array.from({ length: 20 }, () => bed.admin.get(DISKS_PATH)));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    const { pages } = answers[0]!.body as unknown as DiskListAnswer;
    expect(calls('DescribeDisks') - before).toBe(pages);
  });

  it('a CreateDisk through /api/ecs ends the listing: the next one has the new disk', async () => {
    const listed = await disks();
    const zone = listed.disks[0]!.ZoneId;
    const created = await bed.admin.post('/api/ecs/CreateDisk', {
      RegionId: FLEET_REGION,
      ZoneId: zone,
      DiskCategory: 'cloud_essd',
      PerformanceLevel: 'PL1',
      Size: 40,
      DiskName: 'listed-after-create',
    });
    expect(created.status).toBe(200);
    const after = await disks();
    expect(after.totalCount).toBe(listed.totalCount + 1);
    expect(after.disks.find((disk) => disk.DiskId === created.body.DiskId)?.DiskName).toBe('listed-after-create');
    expect(after.version).not.toBe(listed.version);
  });

  it('?ids= answers those disks from ECS in one call and patches the shared listing', async () => {
    const listed = await disks();
    const target = listed.disks.find((disk) => disk.Status === 'Available') ?? listed.disks[0]!;
    // Changed outside the console: the shared listing cannot know.
    await bed.ecs.call('ModifyDiskAttribute', {
      RegionId: FLEET_REGION,
      DiskId: target.DiskId,
      DiskName: 'renamed-outside',
    });
    expect((await disks()).disks.find((disk) => disk.DiskId === target.DiskId)?.DiskName).toBe(target.DiskName);

    const before = calls('DescribeDisks');
    const answer = await bed.admin.get(`${DISKS_PATH}?ids=${target.DiskId},d-nosuchdisk00,${target.DiskId}`);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as DisksByIdAnswer;
    expect(body.requestedIds).toEqual([target.DiskId, 'd-nosuchdisk00']);
    expect(body.disks.map((disk) => disk.DiskId)).toEqual([target.DiskId]);
    expect(body.disks[0]!.DiskName).toBe('renamed-outside');
    expect(calls('DescribeDisks') - before).toBe(1);
    expect((await disks()).disks.find((disk) => disk.DiskId === target.DiskId)?.DiskName).toBe('renamed-outside');
    expect(calls('DescribeDisks') - before).toBe(1);
  });

  it.each([
    ['an instance ID', 'i-notadisk00'],
    ['an empty list', ''],
    ['more than the most IDs', Array.from({ length: REGION_LIST_IDS_MAX + 1 }, (_, n) => `d-many${n}x`).join(',')],
  ])('refuses %s in ids with 400 InvalidParameter', async (_case, ids) => {
    const before = calls('DescribeDisks');
    const answer = await bed.admin.get(`${DISKS_PATH}?ids=${ids}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.requestId).toEqual(expect.any(String));
    expect(answer.body.message).toContain('ids');
    expect(calls('DescribeDisks')).toBe(before);
  });

  it('refuses a malformed region with 400', async () => {
    const answer = await bed.admin.get('/api/regions/NOT_A_REGION/disks');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.requestId).toEqual(expect.any(String));
  });

  it('a viewer may read it', async () => {
    await bed.app.users.create('vera', 'viewer-password-1', 'viewer');
    const viewer = await signedInBrowser(bed.app.url, 'vera', 'viewer-password-1');
    expect((await viewer.get(DISKS_PATH)).status).toBe(200);
    expect((await viewer.get(SNAPSHOTS_PATH)).status).toBe(200);
  });
});

describe('GET /api/regions/:regionId/snapshots', { timeout: 60_000 }, () => {
  it('a CreateSnapshot through /api/ecs ends the listing; progress moves with the clock until accomplished', async () => {
    const listed = await snapshots();
    const id = await snapshotThroughConsole('listed-progress');
    const after = await snapshots();
    expect(after.totalCount).toBe(listed.totalCount + 1);
    const fresh = after.snapshots.find((snapshot) => snapshot.SnapshotId === id)!;
    expect(fresh).toMatchObject({ SnapshotName: 'listed-progress', Status: 'progressing', RetentionDays: 7 });
    expect(Object.keys(fresh).every((field) => (SNAPSHOT_SUMMARY_FIELDS as readonly string[]).includes(field))).toBe(
      true,
    );

    // Move the emulator's clock part of the way: `?ids=` shows new progress, and the shared listing takes it.
    bed.emulator.control.advanceClock(10_000);
    const partway = (await bed.admin.get(`${SNAPSHOTS_PATH}?ids=${id}`)).body as unknown as SnapshotsByIdAnswer;
    expect(partway.snapshots[0]!.Progress).not.toBe(fresh.Progress);
    expect((await snapshots()).snapshots.find((snapshot) => snapshot.SnapshotId === id)?.Progress).toBe(
      partway.snapshots[0]!.Progress,
    );

    // And a full listing made later (here: after a write ended the shared one) shows it moving on too.
    bed.emulator.control.advanceClock(3_000);
    await bed.invalidate();
    const later = (await snapshots()).snapshots.find((snapshot) => snapshot.SnapshotId === id)!;
    expect(later.Status).toBe('progressing');
    expect(Number.parseInt(later.Progress, 10)).toBeGreaterThan(Number.parseInt(partway.snapshots[0]!.Progress, 10));

    bed.emulator.control.advanceClock(24 * 3600_000);
    const done = (await bed.admin.get(`${SNAPSHOTS_PATH}?ids=${id}`)).body as unknown as SnapshotsByIdAnswer;
    expect(done.snapshots[0]).toMatchObject({ Status: 'accomplished', Progress: '100%' });
  });

  it('a write on the region also ends the disk listing (every kind of the region)', async () => {
    await disks();
    const listedAt = calls('DescribeDisks');
    expect((await disks()).totalCount).toBeGreaterThan(0);
    expect(calls('DescribeDisks')).toBe(listedAt);
    await snapshotThroughConsole('ends-disk-listing');
    const after = await disks();
    expect(calls('DescribeDisks') - listedAt).toBe(after.pages);
  });

  it('passes a failed listing on with ECS status, code and RequestId', async () => {
    await bed.invalidate();
    bed.emulator.control.injectError({
      action: 'DescribeSnapshots',
      code: 'Forbidden.RAM',
      httpStatus: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const answer = await bed.admin.get(SNAPSHOTS_PATH);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('Forbidden.RAM');
    expect(answer.body.requestId).toEqual(expect.any(String));
    await vi.waitFor(async () => expect((await bed.admin.get(SNAPSHOTS_PATH)).status).toBe(200));
  });

  it('refuses a disk ID in ids with 400 naming ids', async () => {
    const answer = await bed.admin.get(`${SNAPSHOTS_PATH}?ids=d-notasnapshot`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('ids');
  });
});
