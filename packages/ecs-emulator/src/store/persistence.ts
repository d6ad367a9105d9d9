import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { scheduleRelease } from './factories.js';
import type { Store } from './store.js';
import type {
  DiskRecord,
  ImageRecord,
  InstanceRecord,
  RegionRecord,
  SecurityGroupRecord,
  SnapshotRecord,
  VpcRecord,
  ZoneRecord,
} from './types.js';

/**
 * The state file: every region's records plus the ID counter, so an emulator can stop and pick up
 * where it left off. Records are plain data and are written as they are.
 */

const FORMAT = 'ecs-emulator-state';
const FORMAT_VERSION = 1;

interface StateFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly idCounter: number;
  readonly regions: readonly SavedRegion[];
}

interface SavedRegion {
  readonly region: RegionRecord;
  readonly zones: ZoneRecord[];
  readonly vpcs: VpcRecord[];
  readonly instances: InstanceRecord[];
  readonly disks: DiskRecord[];
  readonly snapshots: SnapshotRecord[];
  /** Absent in files written before the emulator kept images. */
  readonly images?: ImageRecord[];
  readonly securityGroups: SecurityGroupRecord[];
}

/** The store as state-file JSON. */
export function serializeState(store: Store): string {
  const state: StateFile = {
    format: FORMAT,
    version: FORMAT_VERSION,
    idCounter: store.idCounter,
    regions: [...store.regions.values()].map((region) => ({
      region: region.region,
      zones: region.zones,
      vpcs: region.vpcs,
      instances: [...region.instances.values()],
      disks: [...region.disks.values()],
      snapshots: [...region.snapshots.values()],
      images: [...region.images.values()],
      securityGroups: [...region.securityGroups.values()],
    })),
  };
  return JSON.stringify(state, keepUndefined);
}

/**
 * Fills an empty store from state-file JSON, then rebuilds its ID index and schedules the pending
 * transitions again. `source` names the file in error messages.
 */
export function restoreState(store: Store, json: string, source = 'the state'): void {
  if (store.regions.size > 0) throw new Error('a state file can only be loaded into an empty store');
  const state = parseStateFile(json, source);
  for (const saved of state.regions) {
    const region = store.addRegion(saved.region, saved.zones, saved.vpcs);
    for (const instance of saved.instances) region.instances.set(instance.InstanceId, instance);
    for (const disk of saved.disks) region.disks.set(disk.DiskId, disk);
    for (const snapshot of saved.snapshots) region.snapshots.set(snapshot.SnapshotId, snapshot);
    // Files written before snapshots were released at the end of their retention.
    for (const snapshot of saved.snapshots) {
      if (snapshot.transition === undefined) scheduleRelease(store, saved.region.RegionId, snapshot);
    }
    for (const image of saved.images ?? []) region.images.set(image.ImageId, image);
    for (const group of saved.securityGroups) region.securityGroups.set(group.SecurityGroupId, group);
  }
  store.idCounter = state.idCounter;
  store.reindexAll();
  store.rescheduleAll();
}

/** Writes the state file atomically (a temporary file beside it, then a rename), readable by its owner only. */
export async function saveState(store: Store, path: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, serializeState(store), { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Fills an empty store from the state file at `path`. */
export async function loadState(store: Store, path: string): Promise<void> {
  restoreState(store, await readFile(path, 'utf8'), path);
}

function parseStateFile(json: string, source: string): StateFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const candidate = parsed as Partial<StateFile> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.format !== FORMAT) {
    throw new Error(`${source} is not an ECS emulator state file`);
  }
  if (candidate.version !== FORMAT_VERSION) {
    throw new Error(
      `${source} has state format version ${String(candidate.version)}; this emulator reads version ${FORMAT_VERSION}. ` +
        'Delete the file to start from a fresh estate.',
    );
  }
  if (!Array.isArray(candidate.regions) || typeof candidate.idCounter !== 'number') {
    throw new Error(`${source} is incomplete: it needs regions and idCounter`);
  }
  return nullsToUndefined(candidate as StateFile);
}

/**
 * JSON drops properties whose value is undefined, but records keep every field (`transition`,
 * `PublicIpAddress`, `console.stoppedAt`...), so that loaded records have the same fields as
 * created ones: undefined is written as null (records never hold null) and read back as undefined.
 */
function keepUndefined(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

function nullsToUndefined<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (fields[key] === null) fields[key] = undefined;
    else nullsToUndefined(fields[key]);
  }
  return value;
}
