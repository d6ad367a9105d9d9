import type { EcsError } from '@ecs-console/ecs-client';
import { EcsClient, type Disk, type Snapshot } from '@ecs-console/ecs-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';

/**
 * The console's end-to-end storage flow, against the default estate over HTTP, the clock moved by
 * the control API: every step must be possible and every transition must end where ECS ends it.
 */
const REGION = 'cn-hangzhou';
let ecs: RunningEmulator;
let client: EcsClient;
beforeAll(async () => {
  // A clock that all but stands still: only the control API moves it, so progress is exact.
  ecs = await startEmulator({ speed: 0.001 });
  client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });
});
afterAll(async () => {
  await client.close();
  await ecs.close();
});

async function disk(diskId: string): Promise<Disk> {
  const page = await client.call('DescribeDisks', { RegionId: REGION, DiskIds: [diskId] });
  return page.Disks.Disk[0]!;
}

async function snapshot(snapshotId: string): Promise<Snapshot> {
  const page = await client.call('DescribeSnapshots', { RegionId: REGION, SnapshotIds: [snapshotId] });
  return page.Snapshots.Snapshot[0]!;
}

const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => (error as EcsError).code,
  );

async function unlockedInstance(status: 'Running' | 'Stopped') {
  const page = await client.call('DescribeInstances', { RegionId: REGION, Status: status, PageSize: 100 });
  return page.Instances.Instance.find((instance) => instance.OperationLocks.LockReason.length === 0)!;
}

describe('the storage flow of the console', () => {
  it('creates, attaches, snapshots, resizes, detaches, restores, rolls back and deletes', async () => {
    const running = await unlockedInstance('Running');
    const { DiskId: diskId } = await client.call('CreateDisk', {
      RegionId: REGION,
      ZoneId: running.ZoneId,
      DiskCategory: 'cloud_essd',
      Size: 40,
      DiskName: 'e2e-data',
    });
    expect((await disk(diskId)).Status).toBe('Creating');
    ecs.control.advanceClock(5_000);
    expect((await disk(diskId)).Status).toBe('Available');

    await client.call('AttachDisk', { InstanceId: running.InstanceId, DiskId: diskId }, { regionId: REGION });
    expect((await disk(diskId)).Status).toBe('Attaching');
    ecs.control.advanceClock(5_000);
    expect(await disk(diskId)).toMatchObject({ Status: 'In_use', InstanceId: running.InstanceId });

    const { SnapshotId: snapshotId } = await client.call(
      'CreateSnapshot',
      { DiskId: diskId, SnapshotName: 'e2e-snap' },
      { regionId: REGION },
    );
    expect(await snapshot(snapshotId)).toMatchObject({ Status: 'progressing', Progress: '0%' });
    ecs.control.advanceClock(20_000);
    expect(await snapshot(snapshotId)).toMatchObject({ Status: 'progressing', Progress: '50%', RemainTime: 20 });
    ecs.control.advanceClock(20_000);
    expect(await snapshot(snapshotId)).toMatchObject({ Status: 'accomplished', Progress: '100%' });

    // Rolling back needs the instance stopped.
    expect(
      await failure(client.call('ResetDisk', { DiskId: diskId, SnapshotId: snapshotId }, { regionId: REGION })),
    ).toBe('IncorrectInstanceStatus');

    await client.call('ResizeDisk', { DiskId: diskId, NewSize: 60, Type: 'online' }, { regionId: REGION });
    expect(await disk(diskId)).toMatchObject({ Size: 60, Status: 'In_use' });

    await client.call('DetachDisk', { InstanceId: running.InstanceId, DiskId: diskId }, { regionId: REGION });
    expect((await disk(diskId)).Status).toBe('Detaching');
    ecs.control.advanceClock(10_000);
    expect(await disk(diskId)).toMatchObject({ Status: 'Available', InstanceId: '' });

    const { DiskId: restoredId } = await client.call('CreateDisk', {
      RegionId: REGION,
      ZoneId: running.ZoneId,
      DiskCategory: 'cloud_essd',
      SnapshotId: snapshotId,
      Size: 40,
    });
    ecs.control.advanceClock(5_000);
    expect(await disk(restoredId)).toMatchObject({ Status: 'Available', Size: 40, SourceSnapshotId: snapshotId });
    expect((await snapshot(snapshotId)).Usage).toBe('disk');

    const stopped = await unlockedInstance('Stopped');
    const stoppedDisks = await client.call('DescribeDisks', { RegionId: REGION, InstanceId: stopped.InstanceId });
    const snapshots = await client.call('DescribeSnapshots', {
      RegionId: REGION,
      InstanceId: stopped.InstanceId,
      Status: 'accomplished',
    });
    const rollback = snapshots.Snapshots.Snapshot[0]!;
    expect(stoppedDisks.Disks.Disk.map((d) => d.DiskId)).toContain(rollback.SourceDiskId);
    await client.call(
      'ResetDisk',
      { DiskId: rollback.SourceDiskId, SnapshotId: rollback.SnapshotId },
      { regionId: REGION },
    );

    expect(await failure(client.call('DeleteSnapshot', { SnapshotId: snapshotId }, { regionId: REGION }))).toBe(
      'SnapshotCreatedDisk',
    );
    await client.call('DeleteDisk', { DiskId: restoredId }, { regionId: REGION });
    await client.call('DeleteSnapshot', { SnapshotId: snapshotId }, { regionId: REGION });
    await client.call('DeleteDisk', { DiskId: diskId }, { regionId: REGION });
    const left = await client.call('DescribeDisks', { RegionId: REGION, DiskIds: [diskId, restoredId] });
    expect(left.TotalCount).toBe(0);
  });

  it('lets one of many parallel attaches and snapshots of a disk through, and refuses the rest as ECS does', async () => {
    const running = await unlockedInstance('Running');
    const { DiskId: diskId } = await client.call('CreateDisk', {
      RegionId: REGION,
      ZoneId: running.ZoneId,
      DiskCategory: 'cloud_essd',
      Size: 20,
    });
    ecs.control.advanceClock(5_000);
    const attaches = await Promise.all(
      Array.from({ length: 8 }, () =>
        failure(client.call('AttachDisk', { InstanceId: running.InstanceId, DiskId: diskId }, { regionId: REGION })),
      ),
    );
    expect(attaches.filter((code) => code === undefined)).toHaveLength(1);
    expect(new Set(attaches.filter(Boolean))).toEqual(new Set(['IncorrectDiskStatus']));
    ecs.control.advanceClock(5_000);
    const snapshots = await Promise.all(
      Array.from({ length: 8 }, () => failure(client.call('CreateSnapshot', { DiskId: diskId }, { regionId: REGION }))),
    );
    expect(snapshots.filter((code) => code === undefined)).toHaveLength(1);
    expect(new Set(snapshots.filter(Boolean))).toEqual(new Set(['IncorrectDiskStatus.CreatingSnapshot']));
    const listed = await client.call('DescribeSnapshots', { RegionId: REGION, DiskId: diskId });
    expect(listed.TotalCount).toBe(1);
  });

  it('shows the slow snapshot of the estate moving, hours from done', async () => {
    const page = await client.call('DescribeSnapshots', { RegionId: REGION, Status: 'progressing' });
    const [slow] = page.Snapshots.Snapshot;
    expect(slow!.RemainTime).toBeGreaterThan(3 * 3600);
    const before = Number.parseInt(slow!.Progress, 10);
    expect(before).toBeGreaterThan(0);
    ecs.control.advanceClock(3_600_000);
    expect(Number.parseInt((await snapshot(slow!.SnapshotId)).Progress, 10)).toBeGreaterThan(before);
  });
});
