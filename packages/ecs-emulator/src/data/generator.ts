import type { Store } from '../store/store.js';
import { REGION_CATALOG } from './catalog.js';
import { Random } from './random.js';
import type { Build } from './estate/build.js';
import { NameBook } from './estate/helpers.js';
import { buildDefaultEstate, buildFleet } from './estate/instances.js';
import { buildNetworks } from './estate/networks.js';
import { HOME_REGION, SECOND } from './estate/scenario.js';

/**
 * Builds a believable ECS estate from a seed: every catalog region with its VPCs and security
 * groups, then either a few dozen varied instances (with data disks, snapshots and spare disks) or
 * a large fleet in one region for load tests. Every choice comes from one seeded generator and
 * every time is relative to the clock's now, so a seed always yields the same estate.
 */
export interface EstateOptions {
  /** Same seed, same estate. Default 1. */
  readonly seed?: number;
  /** Build exactly this many instances in `fleetRegion` instead of the default estate. */
  readonly instances?: number;
  /** Where the fleet goes. Default cn-hangzhou. */
  readonly fleetRegion?: string;
}

export function generateEstate(store: Store, options: EstateOptions = {}): void {
  const fleetSize = options.instances;
  if (fleetSize !== undefined && !(Number.isInteger(fleetSize) && fleetSize >= 0)) {
    throw new RangeError(`instances must be a whole number of at least 0, got ${fleetSize}`);
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
    names: new NameBook(fleetSize === undefined ? 2 : Math.max(2, String(fleetSize).length)),
    dataDiskCounts: new Map(),
  };
  if (fleetSize === undefined) buildDefaultEstate(build);
  else buildFleet(build, fleetRegion, fleetSize);
}
