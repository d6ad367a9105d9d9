/**
 * Turns a typed request into the flat string map ECS reads:
 * - arrays become 1-based repeat keys (`InstanceId.1`), arrays of objects `Tag.1.Key`, nested
 *   arrays inside them `TagFilter.1.TagValues.1`;
 * - the legacy list parameters an action names in `jsonArrayParams` become one JSON-array string
 *   (`InstanceIds='["i-1","i-2"]'`);
 * - booleans become `true` / `false`, numbers their decimal form;
 * - `undefined` and `null` are left out.
 *
 * A value that cannot be sent (a function, or text that is not well-formed Unicode, such as a lone
 * UTF-16 surrogate, which no percent-encoding can express) throws an `EcsError` of kind `request`,
 * code `InvalidParameter`, naming the parameter: the call fails at once and is never retried.
 */
import { EcsError } from './errors.js';

export type WireParams = Record<string, string>;

/** `String.prototype.isWellFormed` (Node 20+), not yet in the ES2023 lib typings. */
const isWellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;

function invalidParameter(name: string, problem: string): EcsError {
  return new EcsError({
    kind: 'request',
    code: 'InvalidParameter',
    message: `parameter ${isWellFormed.call(name) ? name : JSON.stringify(name)}: ${problem}`,
    maybeExecuted: false,
  });
}

function checkedText(name: string, value: string): string {
  if (!isWellFormed.call(name)) throw invalidParameter(name, 'the name is not well-formed Unicode');
  if (!isWellFormed.call(value)) {
    throw invalidParameter(name, 'the value is not well-formed Unicode (a lone UTF-16 surrogate) and cannot be sent');
  }
  return value;
}

export function encodeParams(params: object, jsonArrayParams: readonly string[] = []): WireParams {
  const wire: WireParams = {};
  const values = params as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    if (jsonArrayParams.includes(name)) {
      wire[name] = checkedText(name, typeof value === 'string' ? value : JSON.stringify(value));
    } else {
      flatten(wire, name, value);
    }
  }
  return wire;
}

function flatten(wire: WireParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(wire, `${key}.${index + 1}`, item));
  } else if (typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) flatten(wire, `${key}.${name}`, inner);
  } else if (typeof value === 'string') {
    wire[key] = checkedText(key, value);
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    wire[key] = checkedText(key, String(value));
  } else {
    throw invalidParameter(key, `cannot encode a ${typeof value}`);
  }
}
