import type { Clock } from '../clock.js';
import type { VncTicket } from '../console/vnc-tickets.js';
import type { RememberedCall } from '../providers/kit/idempotency.js';
import { Scheduler, type ScheduledCheck } from './scheduler.js';
import type {
  DiskRecord,
  InstanceRecord,
  RegionRecord,
  RegionState,
  SecurityGroupRecord,
  SnapshotRecord,
  Transition,
  VpcRecord,
  ZoneRecord,
} from './types.js';

type TransitionKind = ScheduledCheck['kind'];

interface RecordOfKind {
  instance: InstanceRecord;
  disk: DiskRecord;
  snapshot: SnapshotRecord;
}

/**
 * Applies a due transition to a record. Providers register one per kind; it may set a further
 * transition (Pending → Starting → Running) by calling `store.setTransition` again.
 */
export type TransitionApplier<K extends TransitionKind> = (
  record: RecordOfKind[K],
  transition: Transition,
  region: RegionState,
  store: Store,
) => void;

const MAPS = { instance: 'instances', disk: 'disks', snapshot: 'snapshots' } as const;

/** Every region's resources, an ID index across regions, ID generation and timed transitions. */
export class Store {
  readonly regions = new Map<string, RegionState>();
  readonly clock: Clock;
  // Kept while the store lives, never saved in the state file:
  /** DescribeInstanceVncUrl's tickets by token. */
  readonly vncTickets = new Map<string, VncTicket>();
  /** Writes sent with a ClientToken, by `action\ntoken`, so a re-sent call answers the same. */
  readonly clientTokenCalls = new Map<string, RememberedCall>();
  readonly #scheduler = new Scheduler();
  readonly #appliers: { [K in TransitionKind]?: TransitionApplier<K> } = {};
  /** Resource ID → region ID, for actions that name a resource but no region. */
  readonly #regionOf = new Map<string, string>();
  #idCounter = 0;
  readonly #idSalt: number;

  constructor(clock: Clock, options: { idSalt?: number } = {}) {
    this.clock = clock;
    this.#idSalt = options.idSalt ?? 0x5eed;
  }

  addRegion(region: RegionRecord, zones: ZoneRecord[], vpcs: VpcRecord[] = []): RegionState {
    const state: RegionState = {
      region,
      zones,
      vpcs,
      instances: new Map(),
      disks: new Map(),
      snapshots: new Map(),
      images: new Map(),
      securityGroups: new Map(),
      consoleSessions: new Map(),
      screenshotTakenAt: new Map(),
      instanceViews: new Map(),
      securityGroupOrder: undefined,
    };
    this.regions.set(region.RegionId, state);
    return state;
  }

  region(regionId: string): RegionState | undefined {
    return this.regions.get(regionId);
  }

  /** Records which region a new resource lives in; call once per created resource. */
  index(regionId: string, id: string): void {
    this.#regionOf.set(id, regionId);
  }

  unindex(id: string): void {
    this.#regionOf.delete(id);
  }

  regionOf(id: string): RegionState | undefined {
    const regionId = this.#regionOf.get(id);
    return regionId === undefined ? undefined : this.regions.get(regionId);
  }

  /**
   * A new resource ID in ECS's shape: prefix, a two-to-three letter region code, then lower-case
   * letters and digits (`i-bp1a2b3c4d5e6f7g8h9i`). Deterministic for a given salt and order.
   */
  newId(prefix: 'i' | 'd' | 's' | 'm' | 'sg' | 'sgr' | 'vpc' | 'vsw' | 'eip', regionId: string): string {
    this.#idCounter++;
    const code = REGION_CODES[regionId] ?? 'xx';
    let x = (Math.imul(this.#idCounter, 0x9e3779b1) ^ this.#idSalt) >>> 0;
    let tail = '';
    for (let i = 0; i < 17; i++) {
      x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x297a2d39 + i) >>> 0;
      tail += ALPHABET[x % ALPHABET.length];
    }
    return `${prefix}-${code}${tail.slice(0, prefix === 'sgr' ? 14 : 17)}`;
  }

  onTransition<K extends TransitionKind>(kind: K, applier: TransitionApplier<K>): void {
    (this.#appliers as Record<K, TransitionApplier<K>>)[kind] = applier;
  }

  /** Sets (or clears, with undefined) a record's pending transition and schedules its check. */
  setTransition<K extends TransitionKind>(
    kind: K,
    regionId: string,
    record: RecordOfKind[K],
    transition: Transition | undefined,
  ): void {
    (record as { transition?: Transition | undefined }).transition = transition;
    if (transition) this.#scheduler.push({ at: transition.at, kind, regionId, id: idOf(kind, record) });
  }

  /** Applies every transition due by the clock's now; called before each request is handled. */
  advance(now = this.clock.now()): void {
    for (let check = this.#scheduler.popDue(now); check; check = this.#scheduler.popDue(now)) {
      const region = this.regions.get(check.regionId);
      const record = region?.[MAPS[check.kind]].get(check.id);
      const transition = record?.transition;
      // A record may have been deleted, or given a newer transition, since this check was pushed.
      if (!region || !record || !transition || transition.at > now) continue;
      record.transition = undefined;
      const applier = this.#appliers[check.kind] as TransitionApplier<TransitionKind> | undefined;
      if (applier) applier(record, transition, region, this);
      else (record as { Status: string }).Status = transition.to;
    }
  }

  /** Re-schedules every pending transition (after loading a state file). */
  rescheduleAll(): void {
    this.#scheduler.clear();
    for (const [regionId, region] of this.regions) {
      for (const kind of ['instance', 'disk', 'snapshot'] as const) {
        for (const record of region[MAPS[kind]].values()) {
          if (record.transition) {
            this.#scheduler.push({ at: record.transition.at, kind, regionId, id: idOf(kind, record) });
          }
        }
      }
    }
  }

  /** Rebuilds the ID index from the regions' contents (after loading a state file). */
  reindexAll(): void {
    this.#regionOf.clear();
    for (const [regionId, region] of this.regions) {
      for (const map of [region.instances, region.disks, region.snapshots, region.images, region.securityGroups]) {
        for (const id of map.keys()) this.#regionOf.set(id, regionId);
      }
    }
  }

  get idCounter(): number {
    return this.#idCounter;
  }

  set idCounter(value: number) {
    this.#idCounter = value;
  }
}

function idOf(kind: TransitionKind, record: InstanceRecord | DiskRecord | SnapshotRecord): string {
  if (kind === 'instance') return (record as InstanceRecord).InstanceId;
  if (kind === 'disk') return (record as DiskRecord).DiskId;
  return (record as SnapshotRecord).SnapshotId;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The codes real ECS IDs carry for each region (`bp1` is Hangzhou). */
const REGION_CODES: Record<string, string> = {
  'cn-hangzhou': 'bp1',
  'cn-shanghai': 'uf6',
  'cn-beijing': '2ze',
  'cn-shenzhen': 'wz9',
  'cn-hongkong': 'j6c',
  'ap-southeast-1': 't4n',
  'ap-northeast-1': '6we',
  'eu-central-1': 'gw8',
  'us-west-1': 'rj9',
  'us-east-1': '0xi',
};

export type { SecurityGroupRecord };
