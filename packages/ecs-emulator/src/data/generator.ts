import type { Store } from '../store/store.js';
import { REGION_CATALOG } from './catalog.js';
import { Random } from './random.js';
import type { Build } from './estate/build.js';
import { NameBook } from './estate/helpers.js';
import { buildDiskFleet } from './estate/disk-fleet.js';
import { buildDefaultEstate, buildFleet } from './estate/instances.js';
import { buildNetworks } from './estate/networks.js';
import { HOME_REGION, SECOND } from './estate/scenario.js';

/**
 * Builds a believable ECS estate from a seed: every catalog region with its VPCs and security
 * groups, then either a few dozen varied instances (with data disks, snapshots and spare disks) or
 * a large fleet of instances or of disks in one region for load tests. Every choice comes from one seeded generator and
 * every time is relative to the clock's now, so a seed always yields the same estate.
 */
export interface EstateOptions {
  /** Same seed, same estate. Default 1. */
  readonly seed?: number;
  /** Build exactly this many instances in `fleetRegion` instead of the default estate. */
  readonly instances?: number;
  /**
   * Build exactly this many disks in `fleetRegion` instead of the default estate: the system disks
   * of `instances` instances (default a quarter of the disks), a data disk on each, the rest unattached.
   */
  readonly disks?: number;
  /** Where the fleet goes. Default cn-hangzhou. */
  readonly fleetRegion?: string;
}

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number of at least 0, got ${value}`);
  }
}

export function generateEstate(store: Store, options: EstateOptions = {}): void {
  const { instances: fleetSize, disks: diskCount } = options;
  checkCount('instances', fleetSize);
  checkCount('disks', diskCount);
  if (diskCount !== undefined && fleetSize !== undefined && diskCount < fleetSize) {
    throw new RangeError(`disks (${diskCount}) must be at least one disk per instance (${fleetSize})`);
  }
  const fleetRegion = options.fleetRegion ?? HOME_REGION;
  if (!REGION_CATALOG.some((entry) => entry.region.RegionId === fleetRegion)) {
    throw new RangeError(`unknown fleet region ${fleetRegion}`);
  }
  const rng = new Random(options.seed ?? 1);
  const now = Math.floor(store.clock.now() / SECOND) * SECOND;
  const build: Build = {
    store,
    rng,
    now,
    networks: buildNetworks(store, rng, now),
    names: new NameBook(Math.max(2, String(diskCount ?? fleetSize ?? 0).length)),
    dataDiskCounts: new Map(),
  };
  if (diskCount !== undefined) buildDiskFleet(build, fleetRegion, diskCount, fleetSize ?? Math.floor(diskCount / 4));
  else if (fleetSize === undefined) buildDefaultEstate(build);
  else buildFleet(build, fleetRegion, fleetSize);
}
