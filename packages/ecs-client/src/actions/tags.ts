import { defineAction, type EcsResponse, type TagInput } from './define.js';

export type TagResourceType =
  | 'instance'
  | 'disk'
  | 'snapshot'
  | 'image'
  | 'securitygroup'
  | 'volume'
  | 'eni'
  | 'ddh'
  | 'ddhcluster'
  | 'keypair'
  | 'launchtemplate'
  | 'reservedinstance'
  | 'snapshotpolicy'
  | 'elasticityassurance'
  | 'capacityreservation'
  | 'command'
  | 'invocation'
  | 'activation'
  | 'managedinstance';

// TagResources ------------------------------------------------------------------------------------

export interface TagResourcesRequest {
  RegionId: string;
  ResourceType: TagResourceType;
  /** 1–50 IDs. */
  ResourceId: string[];
  /** 1–20 tags; key ≤ 128 chars, not starting with `aliyun` or `acs:`; value may be empty. */
  Tag: TagInput[];
}

// UntagResources ----------------------------------------------------------------------------------

export interface UntagResourcesRequest {
  RegionId: string;
  ResourceType: TagResourceType;
  /** 1–50 IDs. */
  ResourceId: string[];
  /** 1–20 keys to remove. */
  TagKey?: string[];
  /** Remove every tag when no TagKey is given. Default false. */
  All?: boolean;
}

// ListTagResources --------------------------------------------------------------------------------

export interface TagFilterInput {
  /** Supports `*` prefix/infix matching when TagValues is empty. */
  TagKey: string;
  /** 1–5 values, OR-combined; supports `*` matching. */
  TagValues?: string[];
}

export interface ListTagResourcesRequest {
  RegionId: string;
  ResourceType: TagResourceType;
  /** 1–50 IDs. One of ResourceId, Tag or TagFilter is required. */
  ResourceId?: string[];
  /** 1–20 tags. */
  Tag?: TagInput[];
  /** 1–5 fuzzy filters, AND-combined; cannot be used together with Tag. */
  TagFilter?: TagFilterInput[];
  NextToken?: string;
}

export interface TagResource {
  readonly ResourceId: string;
  readonly ResourceType: string;
  readonly TagKey: string;
  readonly TagValue: string;
}

export interface ListTagResourcesResponse extends EcsResponse {
  readonly NextToken?: string;
  readonly TagResources: { readonly TagResource: readonly TagResource[] };
}

export const tagActions = {
  TagResources: defineAction<TagResourcesRequest, EcsResponse>()({ kind: 'write' }),
  UntagResources: defineAction<UntagResourcesRequest, EcsResponse>()({ kind: 'write' }),
  ListTagResources: defineAction<ListTagResourcesRequest, ListTagResourcesResponse>()({
    kind: 'read',
    pagination: {
      items: (r) => r.TagResources.TagResource,
      maxPageSize: 50,
      pageNumber: false,
      nextToken: true,
      fixedPageSize: true,
    },
  }),
};
