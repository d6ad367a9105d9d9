import type { Disk, DiskStatus, Instance, InstanceStatus, Snapshot, SnapshotStatus } from '../actions/index.js';
import type { EcsClient } from '../client.js';
import { waitUntil, type WaitOptions } from './wait-until.js';

/** The state a waiter reports once the resource is no longer listed. */
export const DELETED = 'Deleted';

interface ResourceStates {
  instance: { item: Instance; state: InstanceStatus };
  disk: { item: Disk; state: DiskStatus };
  snapshot: { item: Snapshot; state: SnapshotStatus };
}

export type WaitableResource = keyof ResourceStates;

interface ResourceWaiter<R extends WaitableResource> {
  /** Fetches the one resource by ID (undefined when ECS no longer lists it). */
  describe(
    client: EcsClient,
    regionId: string,
    id: string,
    signal: AbortSignal | undefined,
  ): Promise<ResourceStates[R]['item'] | undefined>;
  state(item: ResourceStates[R]['item']): ResourceStates[R]['state'];
  /** States from which the wanted one will not come without another action. */
  readonly failureStates: readonly ResourceStates[R]['state'][];
}

const signalOption = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** How to observe each waitable resource: one table rather than one waiter per action. */
const resourceWaiters: { [R in WaitableResource]: ResourceWaiter<R> } = {
  instance: {
    async describe(client, regionId, id, signal) {
      const response = await client.call(
        'DescribeInstances',
        { RegionId: regionId, InstanceIds: [id] },
        signalOption(signal),
      );
      return response.Instances.Instance.find((instance) => instance.InstanceId === id);
    },
    state: (instance) => instance.Status,
    failureStates: [],
  },
  disk: {
    async describe(client, regionId, id, signal) {
      const response = await client.call('DescribeDisks', { RegionId: regionId, DiskIds: [id] }, signalOption(signal));
      return response.Disks.Disk.find((disk) => disk.DiskId === id);
    },
    state: (disk) => disk.Status,
    failureStates: [],
  },
  snapshot: {
    async describe(client, regionId, id, signal) {
      const response = await client.call(
        'DescribeSnapshots',
        { RegionId: regionId, SnapshotIds: [id] },
        signalOption(signal),
      );
      return response.Snapshots.Snapshot.find((snapshot) => snapshot.SnapshotId === id);
    },
    state: (snapshot) => snapshot.Status,
    failureStates: ['failed'],
  },
};

export interface WaitForStateOptions<R extends WaitableResource> extends WaitOptions {
  readonly resource: R;
  readonly regionId: string;
  readonly id: string;
  /** The state to wait for, or `Deleted` for "no longer listed". */
  readonly state: ResourceStates[R]['state'] | typeof DELETED;
  /** Replaces the resource's default failure states. */
  readonly failureStates?: readonly ResourceStates[R]['state'][];
}

/**
 * Waits for an instance, disk or snapshot to reach a state, e.g.
 * `await waitForState(client, { resource: 'instance', regionId, id, state: 'Stopped' })`.
 * Resolves with the resource as last described (undefined when waiting for `Deleted`).
 */
export function waitForState<R extends WaitableResource>(
  client: EcsClient,
  options: WaitForStateOptions<R>,
): Promise<ResourceStates[R]['item'] | undefined> {
  const waiter = resourceWaiters[options.resource] as unknown as ResourceWaiter<R>;
  const failureStates: readonly string[] = options.failureStates ?? waiter.failureStates;
  const description = `${options.resource} ${options.id} to be ${options.state}`;
  return waitUntil(
    description,
    async (signal) => {
      const item = await waiter.describe(client, options.regionId, options.id, signal);
      if (item === undefined) {
        return options.state === DELETED
          ? { outcome: 'success', state: DELETED, value: undefined }
          : { outcome: 'failure', state: DELETED, message: `${options.resource} ${options.id} no longer exists` };
      }
      const state = waiter.state(item);
      if (state === options.state) return { outcome: 'success', state, value: item };
      if (failureStates.includes(state)) {
        return { outcome: 'failure', state, message: `${options.resource} ${options.id} is ${state}` };
      }
      return { outcome: 'pending', state };
    },
    options,
  );
}
