import type { Store } from '../../store/store.js';
import type { InstanceStatus, RegionState, SecurityGroupRecord, VpcRecord } from '../../store/types.js';
import type { Random } from '../random.js';
import type { AddressPool, NameBook } from './helpers.js';
import type { App, Env, GroupRole } from './scenario.js';

export interface VpcNetwork {
  readonly vpc: VpcRecord;
  readonly groups: Readonly<Record<GroupRole, SecurityGroupRecord>>;
}

export interface RegionNetwork {
  readonly region: RegionState;
  /** The first VPC holds production; the last (the same one when there is only one) the rest. */
  readonly vpcs: readonly VpcNetwork[];
  readonly publicAddresses: AddressPool;
}

/** What one generation run shares between its steps. */
export interface Build {
  readonly store: Store;
  readonly rng: Random;
  /** Every generated time is relative to this, in whole seconds. */
  readonly now: number;
  readonly networks: ReadonlyMap<string, RegionNetwork>;
  readonly names: NameBook;
  /** Data disks attached so far per instance, to hand out the next device without a scan. */
  readonly dataDiskCounts: Map<string, number>;
}

/** One instance to build; `buildInstance` draws the rest (type, image, zone, times, tags). */
export interface InstanceSpec {
  readonly regionId: string;
  readonly app: App;
  readonly env: Env;
  readonly windows: boolean;
  readonly status: Exclude<InstanceStatus, 'Pending'>;
  readonly stoppedMode?: 'KeepCharging' | 'StopCharging';
  readonly publicAddress: 'none' | 'ip' | 'eip';
  readonly deletionProtection?: boolean;
  /** A monthly subscription (PrePaid), whatever the draw says. */
  readonly subscription?: boolean;
  readonly financialLock?: boolean;
  /** Take a user snapshot of its system disk. */
  readonly systemSnapshot?: boolean;
}
