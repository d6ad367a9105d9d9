import { apiError } from '../../protocol/errors.js';
import type { TagMap } from '../../store/types.js';
import type { RequestParams } from './params.js';

/** ECS's tag rules, shared by create calls, TagResources and the `Tag.N` filters of Describe calls. */

export interface TagPair {
  readonly Key: string;
  readonly Value: string;
}

export const MAX_TAG_LENGTH = 128;
const HTTP_URL = /https?:\/\//i;

/** `Tags: { Tag: [{ TagKey, TagValue }] }`, as every Describe action renders a resource's tags. */
export function renderTags(tags: TagMap): { Tag: { TagKey: string; TagValue: string }[] } {
  return { Tag: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
}

/** True when the resource carries every filter tag (any value when the filter names none). */
export function hasTags(tags: TagMap, filters: readonly { Key: string; Value: string | undefined }[]): boolean {
  return filters.every(({ Key, Value }) => Object.hasOwn(tags, Key) && (Value === undefined || tags[Key] === Value));
}

/** A matcher for the `Tag.N` filter of Describe calls; undefined when the request sends none. */
export function tagMatcher(params: RequestParams): ((tags: TagMap) => boolean) | undefined {
  const wanted = params.tags();
  if (wanted.length === 0) return undefined;
  return (tags) => hasTags(tags, wanted);
}

/**
 * Checks one tag a request attaches: key 1–128 characters, not starting with `aliyun` or `acs:`,
 * no `http://` / `https://`; value at most 128 characters, may be empty.
 */
function checkNewTag(key: string, value: string): void {
  const lower = key.toLowerCase();
  const validKey =
    key !== '' &&
    [...key].length <= MAX_TAG_LENGTH &&
    !lower.startsWith('aliyun') &&
    !lower.startsWith('acs:') &&
    !HTTP_URL.test(key);
  if (!validKey) throw apiError(400, 'InvalidTagKey.Malformed', `The specified tag key "${key}" is not valid.`);
  if ([...value].length > MAX_TAG_LENGTH || HTTP_URL.test(value)) {
    throw apiError(400, 'InvalidTagValue.Malformed', `The specified tag value "${value}" is not valid.`);
  }
}

function checkNoDuplicates(pairs: readonly TagPair[]): void {
  const seen = new Set<string>();
  for (const { Key } of pairs) {
    if (seen.has(Key)) throw apiError(400, 'Duplicate.TagKey', `The tag key "${Key}" is specified more than once.`);
    seen.add(Key);
  }
}

/** Tags a request attaches (`Tag.N.Key` / `Tag.N.Value`), checked; the caller checks how many are allowed. */
export function readNewTagPairs(params: RequestParams, name = 'Tag'): TagPair[] {
  const pairs = params.objectList(name).map((group) => ({ Key: group.Key ?? '', Value: group.Value ?? '' }));
  for (const { Key, Value } of pairs) checkNewTag(Key, Value);
  checkNoDuplicates(pairs);
  return pairs;
}

/** `Tag.N` of a create call (at most 20, each with a key), as the new resource's tag map. */
export function readNewTags(params: RequestParams): TagMap {
  const pairs = params.tags().map(({ Key, Value }) => ({ Key, Value: Value ?? '' }));
  for (const { Key, Value } of pairs) checkNewTag(Key, Value);
  checkNoDuplicates(pairs);
  return Object.fromEntries(pairs.map(({ Key, Value }) => [Key, Value]));
}
