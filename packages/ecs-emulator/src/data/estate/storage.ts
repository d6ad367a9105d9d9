import { createDisk, createSnapshot } from '../../store/factories.js';
import type { DiskRecord, InstanceRecord, RegionState, SnapshotRecord } from '../../store/types.js';
import type { Build } from './build.js';
import { between, withinPastYear, yyyymmdd } from './helpers.js';
import { SYSTEM_DISK_CATEGORIES } from './instances.js';
import { DAY, ENV_WEIGHTS, HOUR, REGION_WEIGHTS, type Role, TEAMS } from './scenario.js';

// ---------------------------------------------------------------------------------------------
// Disks and snapshots (default estate only)

export function addDataDisks(build: Build, instance: InstanceRecord, role: Role): void {
  const { rng } = build;
  const count = rng.int(role.dataDisks.min, role.dataDisks.max);
  for (let i = 0; i < count; i++) {
    const isDatabase = instance.tags.app === 'db';
    attachNewDisk(build, instance, {
      DiskName: count === 1 ? `${instance.InstanceName}-data` : `${instance.InstanceName}-data${i + 1}`,
      Description: isDatabase ? 'MySQL data directory' : 'Application data',
      Category: isDatabase ? 'cloud_essd' : rng.weighted(SYSTEM_DISK_CATEGORIES),
      Size: rng.pick(role.dataDisks.sizes),
      DeleteWithInstance: !isDatabase && rng.chance(0.6),
      EnableAutoSnapshot: isDatabase,
      createdAt: instance.createdAt,
    });
  }
}

export type DiskInit = Partial<Omit<DiskRecord, 'DiskId'>> & {
  readonly DiskName: string;
  readonly Category: string;
  readonly createdAt: number;
};

/** A data disk attached to `instance` on its next free device (/dev/xvdb, /dev/xvdc, ...). */
export function attachNewDisk(build: Build, instance: InstanceRecord, init: DiskInit): DiskRecord {
  const region = build.store.regionOf(instance.InstanceId)!;
  const attached = build.dataDiskCounts.get(instance.InstanceId) ?? 0;
  build.dataDiskCounts.set(instance.InstanceId, attached + 1);
  return createDisk(build.store, region, {
    ...init,
    ZoneId: instance.ZoneId,
    Type: 'data',
    PerformanceLevel: init.PerformanceLevel ?? performanceLevel(init.Category, init.Size ?? 40),
    InstanceId: instance.InstanceId,
    Device: `/dev/xvd${String.fromCharCode('b'.charCodeAt(0) + attached)}`,
    attachedAt: init.createdAt,
    tags: { ...instance.tags },
  });
}

/** ESSDs of 500 GiB and more run at PL2, smaller ones at PL1; other categories have no level. */
function performanceLevel(category: string, size: number): string {
  if (category !== 'cloud_essd') return '';
  return size >= 500 ? 'PL2' : 'PL1';
}

/**
 * Snapshots in one region: a user snapshot of each database data disk, a few nightly automatic
 * snapshots of disks with automatic snapshots on, and pre-upgrade snapshots of some system disks.
 * Returns the user snapshots of data disks, to restore disks from.
 */
export function addSnapshots(
  build: Build,
  region: RegionState,
  systemSnapshots: ReadonlySet<string>,
): SnapshotRecord[] {
  const { store, rng, now } = build;
  const dataSnapshots: SnapshotRecord[] = [];
  for (const disk of region.disks.values()) {
    const instance = region.instances.get(disk.InstanceId);
    if (!instance) continue;
    if (disk.Type === 'system') {
      if (!systemSnapshots.has(instance.InstanceId) && !rng.chance(0.1)) continue;
      const startedAt = between(rng, disk.createdAt, now);
      createSnapshot(store, region, disk, {
        SnapshotName: `${instance.InstanceName}-system-${yyyymmdd(startedAt)}`,
        Description: 'Before the OS upgrade',
        startedAt,
      });
      continue;
    }
    if (instance.tags.app === 'db') {
      const startedAt = between(rng, disk.createdAt, now);
      dataSnapshots.push(
        createSnapshot(store, region, disk, {
          SnapshotName: `${disk.DiskName}-${yyyymmdd(startedAt)}`,
          Description: 'Before the schema migration',
          startedAt,
          tags: { ...disk.tags },
        }),
      );
    }
    if (disk.EnableAutoSnapshot) addNightlySnapshots(build, region, disk);
  }
  return dataSnapshots;
}

/** The last few nights' automatic snapshots, named as ECS names them: `auto_20261101_1`. */
function addNightlySnapshots(build: Build, region: RegionState, disk: DiskRecord): void {
  const { store, rng, now } = build;
  for (let nightsAgo = rng.int(2, 3); nightsAgo >= 1; nightsAgo--) {
    const startedAt = Math.floor((now - nightsAgo * DAY) / DAY) * DAY + 2 * HOUR;
    if (startedAt < disk.createdAt) continue;
    createSnapshot(store, region, disk, {
      SnapshotName: `auto_${yyyymmdd(startedAt)}_1`,
      SnapshotType: 'auto',
      RetentionDays: 7,
      startedAt,
    });
  }
}

/**
 * Disks made from database snapshots in the home region: a restored copy left unattached and a
 * copy of production data attached to a non-production instance.
 */
export function addRestoredDisks(build: Build, region: RegionState, snapshots: readonly SnapshotRecord[]): void {
  const { store, rng, now } = build;
  const [restoreFrom, copyFrom] = [snapshots[0], snapshots[snapshots.length - 1]];
  if (restoreFrom) {
    const source = region.disks.get(restoreFrom.SourceDiskId)!;
    createDisk(store, region, {
      DiskName: `${source.DiskName}-restore`,
      Description: `Restored from ${restoreFrom.SnapshotName}`,
      ZoneId: source.ZoneId,
      Category: source.Category,
      PerformanceLevel: source.PerformanceLevel,
      Size: restoreFrom.SourceDiskSize,
      SourceSnapshotId: restoreFrom.SnapshotId,
      createdAt: between(rng, restoreFrom.startedAt, now),
      tags: { ...source.tags },
    });
  }
  const target = [...region.instances.values()].find((instance) => instance.tags.env !== 'prod');
  if (copyFrom && target) {
    attachNewDisk(build, target, {
      DiskName: `${target.InstanceName}-prod-copy`,
      Description: `Copy of production data from ${copyFrom.SnapshotName}`,
      Category: 'cloud_essd',
      Size: copyFrom.SourceDiskSize,
      SourceSnapshotId: copyFrom.SnapshotId,
      DeleteWithInstance: true,
      createdAt: between(rng, Math.max(copyFrom.startedAt, target.createdAt), now),
    });
  }
}

/** A few unattached disks: never-used scratch space and disks detached from their instance. */
export function addSpareDisks(build: Build): void {
  const { store, rng, now } = build;
  const count = rng.int(3, 5);
  for (let i = 0; i < count; i++) {
    const region = build.networks.get(rng.weighted(REGION_WEIGHTS))!.region;
    const createdAt = withinPastYear(rng, now);
    const wasAttached = i % 2 === 1;
    const env = rng.weighted(ENV_WEIGHTS);
    const category = rng.weighted(SYSTEM_DISK_CATEGORIES);
    const size = rng.pick([20, 40, 100, 500]);
    createDisk(store, region, {
      DiskName: build.names.next(wasAttached ? `detached-${env}` : `scratch-${env}`),
      Description: wasAttached ? 'Detached during a migration' : 'Spare volume',
      ZoneId: rng.pick(region.zones).ZoneId,
      Category: category,
      PerformanceLevel: performanceLevel(category, size),
      Size: size,
      createdAt,
      everAttached: wasAttached,
      attachedAt: wasAttached ? createdAt : undefined,
      detachedAt: wasAttached ? between(rng, createdAt, now) : undefined,
      tags: { env, team: rng.pick(TEAMS) },
    });
  }
}
