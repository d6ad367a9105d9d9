import { createDisk, createImage, createSnapshot } from '../../store/factories.js';
import type { DiskRecord, InstanceRecord, RegionState, SnapshotRecord } from '../../store/types.js';
import type { Build } from './build.js';
import { between, yyyymmdd } from './helpers.js';
import { DAY, HOME_REGION, HOUR } from './scenario.js';
import { attachNewDisk } from './storage.js';
import { snapshotDurationMs } from '../../providers/snapshots/lifecycle.js';

// ---------------------------------------------------------------------------------------------
// What the Disks and Snapshots pages need to find whatever the seed (default estate, home region)

/**
 * Adds, in the home region, the storage every default estate has: each ESSD level and the other
 * categories, encrypted, subscription and spare disks beside a running and a stopped instance, a
 * snapshot to roll the stopped instance back to, one snapshot still progressing for hours, and a
 * custom image made from a snapshot. Runs after everything else, so the rest of the estate draws
 * what it drew before.
 */
export function addStorageLandmarks(build: Build): void {
  const region = build.networks.get(HOME_REGION)!.region;
  const instances = [...region.instances.values()];
  const find = (app: string, env: string, status: string) =>
    instances.find(
      (i) => i.tags.app === app && i.tags.env === env && i.Status === status && i.lockReasons.length === 0,
    )!;
  const webServer = find('web', 'prod', 'Running');
  const database = find('db', 'prod', 'Running');
  const cache = find('cache', 'dev', 'Stopped');
  const directory = instances.find((i) => i.InstanceChargeType === 'PrePaid' && i.tags.app === 'ad')!;

  addSpareDisksBeside(build, region, webServer, cache);
  attachSubscriptionDisk(build, directory);
  const archive = attachNewDisk(build, database, {
    DiskName: `${database.InstanceName}-archive`,
    Description: 'Binary log archive',
    Category: 'cloud_essd',
    PerformanceLevel: 'PL3',
    // 32 TiB: its snapshot takes nine hours at ECS's pace.
    Size: 32_768,
    Encrypted: true,
    createdAt: database.createdAt,
  });
  addSlowSnapshot(build, region, archive);
  addRollbackSnapshot(build, region, cache);
  addGoldenImage(build, region, webServer);
}

/** Unattached disks of every kind, in the zones of a running and of a stopped instance. */
function addSpareDisksBeside(
  build: Build,
  region: RegionState,
  running: InstanceRecord,
  stopped: InstanceRecord,
): void {
  const { store, rng, now } = build;
  const offers = (zoneId: string, category: string) =>
    region.zones.find((zone) => zone.ZoneId === zoneId)!.diskCategories.includes(category);
  type Spare = Partial<DiskRecord> & { DiskName: string; Category: string; beside: InstanceRecord };
  const spares: readonly Spare[] = [
    { DiskName: 'scratch-web-pl0', beside: running, Category: 'cloud_essd', PerformanceLevel: 'PL0', Size: 20 },
    { DiskName: 'spare-web-auto', beside: running, Category: 'cloud_auto', Size: 100 },
    { DiskName: 'spare-ssd-encrypted', beside: running, Category: 'cloud_ssd', Size: 200, Encrypted: true },
    { DiskName: 'spare-cache-pl1', beside: stopped, Category: 'cloud_essd', PerformanceLevel: 'PL1', Size: 40 },
    { DiskName: 'spare-cache-efficiency', beside: stopped, Category: 'cloud_efficiency', Size: 100 },
  ];
  for (const { beside, ...spare } of spares) {
    createDisk(store, region, {
      Description: 'Spare volume',
      ...spare,
      ZoneId: offers(beside.ZoneId, spare.Category) ? beside.ZoneId : region.zones[0]!.ZoneId,
      createdAt: between(rng, now - 30 * DAY, now - HOUR),
      tags: { env: beside.tags.env!, team: beside.tags.team!, purpose: 'spare' },
    });
  }
}

/** A subscription data disk bought with a subscription instance: pinned to it and deleted with it. */
function attachSubscriptionDisk(build: Build, instance: InstanceRecord): void {
  attachNewDisk(build, instance, {
    DiskName: `${instance.InstanceName}-sysvol`,
    Description: 'SYSVOL and NTDS',
    Category: 'cloud_essd',
    Size: 200,
    DiskChargeType: 'PrePaid',
    Portable: false,
    DeleteWithInstance: true,
    createdAt: instance.createdAt,
  });
}

/** A snapshot of a very large disk, started an hour ago and hours from done, so its progress shows. */
function addSlowSnapshot(build: Build, region: RegionState, disk: DiskRecord): void {
  const startedAt = build.now - HOUR;
  const snapshot = createSnapshot(build.store, region, disk, {
    SnapshotName: `${disk.DiskName}-${yyyymmdd(startedAt)}`,
    Description: 'Weekly archive copy',
    Status: 'progressing',
    startedAt,
    RetentionDays: 30,
    tags: { ...disk.tags },
  });
  build.store.setTransition('snapshot', region.region.RegionId, snapshot, {
    to: 'accomplished',
    at: startedAt + snapshotDurationMs(disk.Size),
  });
}

/** A manual snapshot of a stopped instance's system disk, taken while it last ran. */
function addRollbackSnapshot(build: Build, region: RegionState, instance: InstanceRecord): void {
  const systemDisk = [...region.disks.values()].find(
    (disk) => disk.InstanceId === instance.InstanceId && disk.Type === 'system',
  )!;
  const startedAt = between(
    build.rng,
    instance.startedAt ?? systemDisk.createdAt,
    instance.console.stoppedAt ?? build.now,
  );
  createSnapshot(build.store, region, systemDisk, {
    SnapshotName: `${instance.InstanceName}-system-${yyyymmdd(startedAt)}`,
    Description: 'Before the kernel update',
    startedAt,
    tags: { ...instance.tags },
  });
}

/** A custom image made from the web server's system disk snapshot (taken now if it has none). */
function addGoldenImage(build: Build, region: RegionState, instance: InstanceRecord): void {
  const systemDisk = [...region.disks.values()].find(
    (disk) => disk.InstanceId === instance.InstanceId && disk.Type === 'system',
  )!;
  const existing = [...region.snapshots.values()].find(
    (snapshot) => snapshot.SourceDiskId === systemDisk.DiskId && snapshot.SnapshotType === 'user',
  );
  const snapshot: SnapshotRecord =
    existing ??
    createSnapshot(build.store, region, systemDisk, {
      SnapshotName: `${instance.InstanceName}-system-${yyyymmdd(build.now - DAY)}`,
      startedAt: build.now - DAY,
    });
  createImage(build.store, region, snapshot, {
    ImageName: `${instance.tags.app}-golden-${yyyymmdd(snapshot.startedAt)}`,
    createdAt: between(build.rng, snapshot.startedAt + HOUR, build.now),
  });
}
