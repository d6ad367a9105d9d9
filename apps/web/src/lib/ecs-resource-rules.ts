/**
 * ECS's rules for what a user names and tags a resource with (CreateDisk, CreateSnapshot, CreateSecurityGroup),
 * checked before sending so the form can say what is wrong beside the field.
 */

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 128;
export const DESCRIPTION_MIN_LENGTH = 2;
export const DESCRIPTION_MAX_LENGTH = 256;
export const MAX_TAGS = 20;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 128;

const HTTP_PREFIX = /^https?:\/\//i;
const HTTP_ANYWHERE = /https?:\/\//i;
/** A letter of any script (Chinese characters included) first. */
const STARTS_WITH_LETTER = /^\p{L}/u;
/** Letters, digits, colon, underscore, period and hyphen. */
const NAME_CHARACTERS = /^[\p{L}\p{N}:_.-]*$/u;
const RESERVED_TAG_KEY_PREFIXES = ['aliyun', 'acs:'];

/** Characters as ECS counts them (code points, so a Chinese name is not counted twice). */
const lengthOf = (text: string) => [...text].length;

export type NameError = 'required' | 'length' | 'http' | 'start' | 'characters';

/** Why ECS would refuse a disk, snapshot or security group name (2–128 characters, a letter first, no http(s)://). */
export function validateResourceName(name: string): NameError | null {
  if (name.length === 0) return 'required';
  if (HTTP_PREFIX.test(name)) return 'http';
  if (!STARTS_WITH_LETTER.test(name)) return 'start';
  if (!NAME_CHARACTERS.test(name)) return 'characters';
  const length = lengthOf(name);
  if (length < NAME_MIN_LENGTH || length > NAME_MAX_LENGTH) return 'length';
  return null;
}

export type DescriptionError = 'length' | 'http';

/** Why ECS would refuse a description (empty: none is sent; else 2–256 characters, no http(s):// first). */
export function validateDescription(description: string): DescriptionError | null {
  if (description.length === 0) return null;
  if (HTTP_PREFIX.test(description)) return 'http';
  const length = lengthOf(description);
  if (length < DESCRIPTION_MIN_LENGTH || length > DESCRIPTION_MAX_LENGTH) return 'length';
  return null;
}

export interface TagDraft {
  readonly key: string;
  readonly value: string;
}

export type TagKeyError = 'required' | 'length' | 'reserved' | 'http' | 'duplicate';
export type TagValueError = 'length' | 'http';

export interface TagErrors {
  /** Too many tags for one resource. */
  readonly count: 'tooMany' | null;
  /** By the tag's position in the list. */
  readonly keys: readonly (TagKeyError | null)[];
  readonly values: readonly (TagValueError | null)[];
}

function tagKeyError(key: string, earlierKeys: ReadonlySet<string>): TagKeyError | null {
  if (key.length === 0) return 'required';
  if (lengthOf(key) > TAG_KEY_MAX_LENGTH) return 'length';
  const lower = key.toLowerCase();
  if (RESERVED_TAG_KEY_PREFIXES.some((prefix) => lower.startsWith(prefix))) return 'reserved';
  if (HTTP_ANYWHERE.test(key)) return 'http';
  if (earlierKeys.has(key)) return 'duplicate';
  return null;
}

function tagValueError(value: string): TagValueError | null {
  if (lengthOf(value) > TAG_VALUE_MAX_LENGTH) return 'length';
  if (HTTP_ANYWHERE.test(value)) return 'http';
  return null;
}

/**
 * ECS's tag rules: at most 20 tags; a key of 1–128 characters, not starting with `aliyun` or `acs:`,
 * without `http://` or `https://`, once per resource; a value of at most 128 characters (may be empty).
 */
export function validateTags(tags: readonly TagDraft[]): TagErrors {
  const seen = new Set<string>();
  const keys = tags.map(({ key }) => {
    const error = tagKeyError(key, seen);
    seen.add(key);
    return error;
  });
  return {
    count: tags.length > MAX_TAGS ? 'tooMany' : null,
    keys,
    values: tags.map(({ value }) => tagValueError(value)),
  };
}

export function tagsAreValid(errors: TagErrors): boolean {
  return errors.count === null && errors.keys.every((error) => error === null) && errors.values.every((e) => !e);
}

/** The tags as ECS's `Tag` parameter, or nothing when there are none. */
export function tagParameter(tags: readonly TagDraft[]): { Tag?: { Key: string; Value: string }[] } {
  return tags.length === 0 ? {} : { Tag: tags.map(({ key, value }) => ({ Key: key, Value: value })) };
}
