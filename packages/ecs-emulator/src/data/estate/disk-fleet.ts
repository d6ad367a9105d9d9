import { createDisk } from '../../store/factories.js';
import type { InstanceRecord, RegionState, ZoneRecord } from '../../store/types.js';
import type { Build } from './build.js';
import { between, withinPastYear } from './helpers.js';
import { buildFleet } from './instances.js';
import { ENV_WEIGHTS, TEAMS } from './scenario.js';

// ---------------------------------------------------------------------------------------------
// A region of N disks, for load tests of the Disks page

interface DiskKind {
  readonly category: string;
  readonly level: string;
  readonly sizes: readonly number[];
}

/** The mix of data disks a large account holds, each size within its category's limits. */
const DISK_KINDS: readonly (readonly [DiskKind, number])[] = [
  [{ category: 'cloud_essd', level: 'PL0', sizes: [20, 40, 100] }, 2],
  [{ category: 'cloud_essd', level: 'PL1', sizes: [40, 100, 200, 500] }, 6],
  [{ category: 'cloud_essd', level: 'PL2', sizes: [500, 1000, 2000] }, 2],
  [{ category: 'cloud_essd', level: 'PL3', sizes: [1500, 4096] }, 1],
  [{ category: 'cloud_auto', level: '', sizes: [40, 100, 500] }, 2],
  [{ category: 'cloud_ssd', level: '', sizes: [100, 200] }, 1],
  [{ category: 'cloud_efficiency', level: '', sizes: [40, 100, 500] }, 2],
];
/** ESSD PL1 is sold in every zone: the kind a disk falls back to where its own is not. */
const EVERYWHERE: DiskKind = { category: 'cloud_essd', level: 'PL1', sizes: [40] };

/**
 * Exactly `diskCount` disks in one region: `instanceCount` instances with their system disks, one
 * data disk on each of the first ones, and the rest unattached, every disk in a zone that sells
 * its category. Each disk costs a few draws and no scan, so 10,000 take milliseconds.
 */
export function buildDiskFleet(build: Build, regionId: string, diskCount: number, instanceCount: number): void {
  buildFleet(build, regionId, instanceCount);
  const { region } = build.networks.get(regionId)!;
  const instances = [...region.instances.values()];
  const dataDisks = diskCount - instanceCount;
  for (let i = 0; i < dataDisks; i++) {
    const instance = i < instances.length ? instances[i] : undefined;
    if (instance) attachDataDisk(build, region, instance);
    else addSpareDisk(build, region);
  }
}

function offers(zone: ZoneRecord, kind: DiskKind): boolean {
  return zone.diskCategories.includes(kind.category);
}

function attachDataDisk(build: Build, region: RegionState, instance: InstanceRecord): void {
  const { rng, now } = build;
  const zone = region.zones.find((candidate) => candidate.ZoneId === instance.ZoneId)!;
  const drawn = rng.weighted(DISK_KINDS);
  const kind = offers(zone, drawn) ? drawn : EVERYWHERE;
  createDisk(build.store, region, {
    DiskName: `${instance.InstanceName}-data`,
    Description: 'Application data',
    ZoneId: zone.ZoneId,
    Category: kind.category,
    PerformanceLevel: kind.level,
    Size: rng.pick(kind.sizes),
    Encrypted: rng.chance(0.15),
    InstanceId: instance.InstanceId,
    Device: '/dev/xvdb',
    DeleteWithInstance: rng.chance(0.5),
    createdAt: between(rng, instance.createdAt, now),
    tags: { ...instance.tags },
  });
}

function addSpareDisk(build: Build, region: RegionState): void {
  const { rng, now } = build;
  const kind = rng.weighted(DISK_KINDS);
  const zones = region.zones.filter((zone) => offers(zone, kind));
  const env = rng.weighted(ENV_WEIGHTS);
  const createdAt = withinPastYear(rng, now);
  const wasAttached = rng.chance(0.4);
  createDisk(build.store, region, {
    DiskName: build.names.next(`vol-${env}`),
    Description: wasAttached ? 'Detached during a migration' : 'Spare volume',
    ZoneId: rng.pick(zones).ZoneId,
    Category: kind.category,
    PerformanceLevel: kind.level,
    Size: rng.pick(kind.sizes),
    Encrypted: rng.chance(0.15),
    createdAt,
    everAttached: wasAttached,
    attachedAt: wasAttached ? createdAt : undefined,
    detachedAt: wasAttached ? between(rng, createdAt, now) : undefined,
    tags: { env, team: rng.pick(TEAMS) },
  });
}
