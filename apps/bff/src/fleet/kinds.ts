import type { ActionItem, ActionRequest, ActionResponse, EcsClient } from '@ecs-console/ecs-client';
import { FLEET_IDS_MAX, REGION_LIST_IDS_MAX } from '@ecs-console/contract';
import type { z } from 'zod';
import { diskId, instanceId, securityGroupId, snapshotId } from '../registry/types.js';
import { chunkOf, listingEntry, type Chunk } from './listing.js';
import { withRules } from './security-group-rules.js';
import { summarise, summariseDisk, summariseSnapshot } from './summarise.js';

type ListAction = 'DescribeInstances' | 'DescribeDisks' | 'DescribeSnapshots' | 'DescribeSecurityGroups';

/** How a kind reaches ECS for more than a Describe page says: the listing's own (fair, bounded) call. */
export interface ListingCalls {
  readonly call: EcsClient['call'];
  readonly regionId: string;
  /** Aborted when the listing failed elsewhere: the item's calls stop. */
  readonly signal?: AbortSignal;
}

interface DescriptorBase<A extends ListAction, Summary> {
  /** The URL segment: `/api/regions/:regionId/<path>`. */
  readonly path: string;
  /** The answer's list key (the contract's RegionListAnswer key). */
  readonly listKey: string;
  /** For messages: "instance", "disk", "snapshot". */
  readonly noun: string;
  readonly action: A;
  /** The Describe action's parameter that takes up to 100 IDs. */
  readonly idsParam: keyof ActionRequest<A> & string;
  readonly idSchema: z.ZodString;
  /** Most IDs one `?ids=` request may name. */
  readonly idsMax: number;
  readonly items: (page: ActionResponse<A>) => readonly ActionItem<A>[];
  readonly idOf: (summary: Summary) => string;
}

/**
 * What one kind of region listing is, declared once; everything else in src/fleet is the same for
 * all kinds. A summary comes from the Describe page alone (`summarise`, the contract's
 * *_SUMMARY_FIELDS), or needs more ECS calls per item (`complete`: undefined when ECS no longer
 * has the item, which is then left out). Those calls run while later pages are fetched.
 */
type KindDescriptor<A extends ListAction, Summary> = DescriptorBase<A, Summary> &
  (
    | { readonly summarise: (item: ActionItem<A>) => Summary }
    | { readonly complete: (item: ActionItem<A>, calls: ListingCalls) => Promise<Summary | undefined> }
  );

/** A kind as the generic listing code uses it: a page of ECS's answer in, the answer's chunks out. */
export interface RegionListKind {
  readonly path: string;
  readonly listKey: string;
  readonly noun: string;
  readonly action: ListAction;
  readonly idsParam: string;
  readonly idSchema: z.ZodString;
  readonly idsMax: number;
  /**
   * A Describe page's items, summarised, serialised and hashed, in ECS's order: one chunk for a page
   * summarised at once; one chunk per item for a kind that calls ECS per item, each made as its
   * calls finish, while the others are still on the wire (a page of 50 groups with their rules is
   * megabytes: made at once, it would all be left for after the last answer).
   */
  chunksOf(page: unknown, calls: ListingCalls): Promise<Chunk[]>;
}

function regionListKind<A extends ListAction, Summary extends object>(
  descriptor: KindDescriptor<A, Summary>,
): RegionListKind {
  const { path, listKey, noun, action, idsParam, idSchema, idsMax, items, idOf } = descriptor;
  const entry = (summary: Summary) => listingEntry(idOf(summary), summary);
  if ('summarise' in descriptor) {
    const { summarise: summary } = descriptor;
    // Done as the page arrives (no await): 10,000 instances cost no extra turns of the event loop.
    return {
      path,
      listKey,
      noun,
      action,
      idsParam,
      idSchema,
      idsMax,
      chunksOf: (page) =>
        Promise.resolve([chunkOf(items(page as ActionResponse<A>).map((item) => entry(summary(item))))]),
    };
  }
  const { complete } = descriptor;
  return {
    path,
    listKey,
    noun,
    action,
    idsParam,
    idSchema,
    idsMax,
    chunksOf: async (page, calls) => {
      const chunks = await Promise.all(
        items(page as ActionResponse<A>).map(async (item) => {
          const summary = await complete(item, calls);
          return summary === undefined ? undefined : chunkOf([entry(summary)]);
        }),
      );
      return chunks.filter((chunk) => chunk !== undefined);
    },
  };
}

export const INSTANCE_LIST = regionListKind({
  path: 'instances',
  listKey: 'instances',
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
  path: 'disks',
  listKey: 'disks',
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
  path: 'snapshots',
  listKey: 'snapshots',
  noun: 'snapshot',
  action: 'DescribeSnapshots',
  idsParam: 'SnapshotIds',
  idSchema: snapshotId,
  idsMax: REGION_LIST_IDS_MAX,
  items: (page) => page.Snapshots.Snapshot,
  summarise: summariseSnapshot,
  idOf: (snapshot) => snapshot.SnapshotId,
});

/** Each group with its rules (one DescribeSecurityGroupAttribute per group, NextToken pages followed). */
export const SECURITY_GROUP_LIST = regionListKind({
  path: 'security-groups',
  listKey: 'securityGroups',
  noun: 'security group',
  action: 'DescribeSecurityGroups',
  idsParam: 'SecurityGroupIds',
  idSchema: securityGroupId,
  idsMax: REGION_LIST_IDS_MAX,
  items: (page) => page.SecurityGroups.SecurityGroup,
  complete: (group, { call, regionId, signal }) => withRules(group, call, regionId, signal),
  idOf: (group) => group.SecurityGroupId,
});

export const REGION_LIST_KINDS: readonly RegionListKind[] = [
  INSTANCE_LIST,
  DISK_LIST,
  SNAPSHOT_LIST,
  SECURITY_GROUP_LIST,
];
