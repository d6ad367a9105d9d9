import type { ActionItem, ActionRequest, ActionResponse } from '@ecs-console/ecs-client';
import { FLEET_IDS_MAX, REGION_LIST_IDS_MAX } from '@ecs-console/contract';
import type { z } from 'zod';
import { diskId, instanceId, snapshotId } from '../registry/types.js';
import { listingEntry, type ListingEntry } from './listing.js';
import { summarise, summariseDisk, summariseSnapshot } from './summarise.js';

type ListAction = 'DescribeInstances' | 'DescribeDisks' | 'DescribeSnapshots';

/** What one kind of region listing is, declared once; everything else in src/fleet is the same for all kinds. */
interface KindDescriptor<A extends ListAction, Summary> {
  /** The URL segment (`/api/regions/:regionId/<key>`) and the answer's list key. */
  readonly key: string;
  /** For messages: "instance", "disk", "snapshot". */
  readonly noun: string;
  readonly action: A;
  /** The Describe action's parameter that takes up to 100 IDs. */
  readonly idsParam: keyof ActionRequest<A> & string;
  readonly idSchema: z.ZodString;
  /** Most IDs one `?ids=` request may name. */
  readonly idsMax: number;
  readonly items: (page: ActionResponse<A>) => readonly ActionItem<A>[];
  /** The fields the lists show (the contract's *_SUMMARY_FIELDS). */
  readonly summarise: (item: ActionItem<A>) => Summary;
  readonly idOf: (summary: Summary) => string;
}

/** A kind as the generic listing code uses it: a page of ECS's answer in, the answer's entries out. */
export interface RegionListKind {
  readonly key: string;
  readonly noun: string;
  readonly action: ListAction;
  readonly idsParam: string;
  readonly idSchema: z.ZodString;
  readonly idsMax: number;
  /** A Describe page's items, summarised and serialised, in ECS's order. */
  entriesOf(page: unknown): ListingEntry[];
}

function regionListKind<A extends ListAction, Summary extends object>(
  descriptor: KindDescriptor<A, Summary>,
): RegionListKind {
  const { items, summarise: summary, idOf, ...plain } = descriptor;
  return {
    ...plain,
    entriesOf: (page) =>
      items(page as ActionResponse<A>).map((item) => {
        const summarised = summary(item);
        return listingEntry(idOf(summarised), summarised);
      }),
  };
}

export const INSTANCE_LIST = regionListKind({
  key: 'instances',
  noun: 'instance',
  action: 'DescribeInstances',
  idsParam: 'InstanceIds',
  idSchema: instanceId,
  idsMax: FLEET_IDS_MAX,
  items: (page) => page.Instances.Instance,
  summarise,
  idOf: (instance) => instance.InstanceId,
});

export const DISK_LIST = regionListKind({
  key: 'disks',
  noun: 'disk',
  action: 'DescribeDisks',
  idsParam: 'DiskIds',
  idSchema: diskId,
  idsMax: REGION_LIST_IDS_MAX,
  items: (page) => page.Disks.Disk,
  summarise: summariseDisk,
  idOf: (disk) => disk.DiskId,
});

export const SNAPSHOT_LIST = regionListKind({
  key: 'snapshots',
  noun: 'snapshot',
  action: 'DescribeSnapshots',
  idsParam: 'SnapshotIds',
  idSchema: snapshotId,
  idsMax: REGION_LIST_IDS_MAX,
  items: (page) => page.Snapshots.Snapshot,
  summarise: summariseSnapshot,
  idOf: (snapshot) => snapshot.SnapshotId,
});

export const REGION_LIST_KINDS: readonly RegionListKind[] = [INSTANCE_LIST, DISK_LIST, SNAPSHOT_LIST];
