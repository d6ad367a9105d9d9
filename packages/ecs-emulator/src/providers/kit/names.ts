import type { RequestParams } from './params.js';

/** ECS's rules for resource names and descriptions, and the numbers derived from resource IDs. */

/** 2–128 characters, starting with a letter; letters, digits, `:`, `_`, `.`, `-`; no http(s):// prefix. */
const NAME_PATTERN = /^(?!https?:\/\/)\p{L}[\p{L}0-9:_.-]{1,127}$/u;
/** 2–256 characters, no http(s):// prefix. */
const DESCRIPTION_PATTERN = /^(?!https?:\/\/)[\s\S]{2,256}$/u;

/** A resource name (DiskName, SnapshotName) under ECS's naming rule, or undefined when not sent. */
export function readName(params: RequestParams, name: string, code: string): string | undefined {
  return params.string(name, { pattern: NAME_PATTERN, code });
}

/** A Description under ECS's rule; the code and HTTP status of a malformed one vary by action. */
export function readDescription(params: RequestParams, code: string, status: number): string | undefined {
  return params.string('Description', { pattern: DESCRIPTION_PATTERN, code, status });
}

/** A numeric ID in the shape of ECS order and serial numbers, derived from a resource ID. */
export function digitsFor(id: string, length: number): string {
  let hash = 0x811c9dc5;
  let digits = '';
  while (digits.length < length) {
    for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    digits += String(hash);
  }
  return digits.slice(0, length);
}
