import { apiError, invalidRegion, missingParameter, notFound } from '../protocol/errors.js';
import type { RegionState, TagMap } from '../store/types.js';
import type { ActionContext, ActionHandler } from './kit/context.js';
import { wildcardMatcher } from './kit/filters.js';
import { pageByToken } from './kit/pagination.js';
import { hasTags, readNewTagPairs } from './kit/tags.js';
import type { RequestParams } from './kit/params.js';

/**
 * TagResources / UntagResources / ListTagResources (DIGEST §7 "Tags — newer trio"), plus the tag
 * rules that CreateSecurityGroup and the Describe filters share.
 */

/** The resource types the emulator keeps, and the region map that holds each. */
const TAGGABLE = {
  instance: 'instances',
  disk: 'disks',
  snapshot: 'snapshots',
  securitygroup: 'securityGroups',
} as const;

type TaggableType = keyof typeof TAGGABLE;

interface TaggedRecord {
  tags: TagMap;
}

const MAX_TAGS_PER_RESOURCE = 20;
const MAX_TAGS_PER_REQUEST = 20;
const MAX_RESOURCE_IDS = 50;
const MAX_TAG_FILTERS = 5;
const MAX_TAG_FILTER_VALUES = 5;
const LIST_PAGE_SIZE = 50;

// Request reading shared by the three actions ------------------------------------------------------

/** RegionId and ResourceType, which these actions report missing as 404 (sic, DIGEST §7). */
function readTarget(context: ActionContext): { region: RegionState; type: TaggableType } {
  const { params, store } = context;
  const regionId = params.string('RegionId');
  if (regionId === undefined) throw apiError(404, 'MissingParameter.RegionId', 'The parameter RegionId is missing.');
  const typeName = params.string('ResourceType');
  if (typeName === undefined) {
    throw apiError(404, 'MissingParameter.ResourceType', 'The parameter ResourceType is missing.');
  }
  const region = store.region(regionId);
  if (!region) throw invalidRegion(regionId);
  const type = typeName.toLowerCase();
  if (!Object.hasOwn(TAGGABLE, type)) {
    throw apiError(404, 'InvalidResourceType.NotFound', `The specified ResourceType "${typeName}" is not supported.`);
  }
  return { region, type: type as TaggableType };
}

/** `ResourceId.N`, at most 50, duplicates dropped. */
function readResourceIds(params: RequestParams): string[] {
  const ids = params.repeatList('ResourceId').filter((id) => id !== '');
  if (ids.length > MAX_RESOURCE_IDS) {
    throw apiError(400, 'NumberExceed.ResourceIds', `No more than ${MAX_RESOURCE_IDS} ResourceId.N may be specified.`);
  }
  return [...new Set(ids)];
}

function resourcesOf(region: RegionState, type: TaggableType): ReadonlyMap<string, TaggedRecord> {
  return region[TAGGABLE[type]];
}

/** The named resources, every one of which must exist in the region. */
function requireResources(context: ActionContext, region: RegionState, type: TaggableType): TaggedRecord[] {
  const ids = readResourceIds(context.params);
  if (ids.length === 0) throw missingParameter('ResourceId.N');
  const resources = resourcesOf(region, type);
  return ids.map((id) => {
    const resource = resources.get(id);
    if (!resource) throw notFound('InvalidResourceId.NotFound', 'resource', id);
    return resource;
  });
}

function tooManyTags() {
  return apiError(400, 'NumberExceed.Tags', `No more than ${MAX_TAGS_PER_REQUEST} tags may be specified.`);
}

// TagResources -------------------------------------------------------------------------------------

function tagResources(context: ActionContext): Record<string, unknown> {
  const { region, type } = readTarget(context);
  const tags = readNewTagPairs(context.params);
  if (tags.length === 0) throw apiError(404, 'MissingParameter.Tags', 'The parameter Tag.N is missing.');
  if (tags.length > MAX_TAGS_PER_REQUEST) throw tooManyTags();
  const resources = requireResources(context, region, type);
  // All or nothing: check every resource's quota before changing any.
  for (const resource of resources) {
    const added = tags.filter(({ Key }) => !Object.hasOwn(resource.tags, Key)).length;
    if (Object.keys(resource.tags).length + added > MAX_TAGS_PER_RESOURCE) {
      throw apiError(403, 'QuotaExceed.Tags', `A resource can carry at most ${MAX_TAGS_PER_RESOURCE} tags.`);
    }
  }
  for (const resource of resources) {
    for (const { Key, Value } of tags) resource.tags[Key] = Value;
  }
  return {};
}

// UntagResources -----------------------------------------------------------------------------------

function untagResources(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const { region, type } = readTarget(context);
  const keys = params.repeatList('TagKey').filter((key) => key !== '');
  if (keys.length > MAX_TAGS_PER_REQUEST) throw tooManyTags();
  // `All` only applies when no TagKey.N is named (SDK).
  const removeAll = keys.length === 0 && params.boolean('All') === true;
  const resources = requireResources(context, region, type);
  for (const resource of resources) {
    if (removeAll) resource.tags = {};
    else for (const key of keys) delete resource.tags[key];
  }
  return {};
}

// ListTagResources ---------------------------------------------------------------------------------

/** `TagFilter.N`: a key pattern when no values are given, else an exact key and value patterns. */
interface TagFilter {
  matches(tags: TagMap): boolean;
}

function readTagFilters(params: RequestParams): TagFilter[] {
  const groups = params.objectList('TagFilter');
  if (groups.length > MAX_TAG_FILTERS) {
    throw apiError(400, 'InvalidParameter', `No more than ${MAX_TAG_FILTERS} TagFilter.N may be specified.`);
  }
  return groups.map((group, index) => {
    const key = group.TagKey;
    if (key === undefined || key === '') throw missingParameter(`TagFilter.${index + 1}.TagKey`);
    const values = Object.entries(group)
      .filter(([name, value]) => /^TagValues\.\d+$/.test(name) && value !== '')
      .map(([, value]) => value);
    if (values.length > MAX_TAG_FILTER_VALUES) {
      throw apiError(
        400,
        'InvalidParameter',
        `No more than ${MAX_TAG_FILTER_VALUES} TagFilter.N.TagValues.N may be specified.`,
      );
    }
    if (values.length === 0) {
      const keyMatches = wildcardMatcher(key);
      return { matches: (tags) => Object.keys(tags).some(keyMatches) };
    }
    const valueMatchers = values.map(wildcardMatcher);
    return {
      matches: (tags) => Object.hasOwn(tags, key) && valueMatchers.some((valueMatches) => valueMatches(tags[key]!)),
    };
  });
}

/** `Tag.N` exact filters; a value without a key is `InvalidParameter.TagValue` (SDK). */
function readExactTagFilters(params: RequestParams): { Key: string; Value: string | undefined }[] {
  const groups = params.objectList('Tag');
  if (groups.length > MAX_TAGS_PER_REQUEST) throw tooManyTags();
  return groups.map((group) => {
    if (group.Key === undefined || group.Key === '') {
      throw apiError(400, 'InvalidParameter.TagValue', 'Tag.N.Value cannot be specified without Tag.N.Key.');
    }
    return { Key: group.Key, Value: group.Value };
  });
}

interface TagResourceEntry {
  readonly ResourceId: string;
  readonly ResourceType: TaggableType;
  readonly TagKey: string;
  readonly TagValue: string;
}

function listTagResources(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const { region, type } = readTarget(context);
  const ids = readResourceIds(params);
  const exact = readExactTagFilters(params);
  const filters = readTagFilters(params);
  if (exact.length > 0 && filters.length > 0) {
    throw apiError(400, 'InvalidParameter', 'Tag.N and TagFilter.N cannot be specified together.');
  }
  if (ids.length === 0 && exact.length === 0 && filters.length === 0) {
    throw missingParameter('ResourceId.N, Tag.N or TagFilter.N');
  }
  const resources = resourcesOf(region, type);
  const entries: TagResourceEntry[] = [];
  // Named resources that do not exist simply contribute nothing.
  for (const id of ids.length > 0 ? ids : resources.keys()) {
    const tags = resources.get(id)?.tags;
    if (!tags || !hasTags(tags, exact) || !filters.every((filter) => filter.matches(tags))) continue;
    for (const TagKey in tags) entries.push({ ResourceId: id, ResourceType: type, TagKey, TagValue: tags[TagKey]! });
  }
  const page = pageByToken(entries, params, { size: LIST_PAGE_SIZE, min: LIST_PAGE_SIZE, max: LIST_PAGE_SIZE });
  return { NextToken: page.fields.NextToken, TagResources: { TagResource: page.items } };
}

export const tagHandlers: Readonly<Record<string, ActionHandler>> = {
  TagResources: tagResources,
  UntagResources: untagResources,
  ListTagResources: listTagResources,
};
