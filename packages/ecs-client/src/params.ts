/**
 * Turns a typed request into the flat string map ECS reads:
 * - arrays become 1-based repeat keys (`InstanceId.1`), arrays of objects `Tag.1.Key`, nested
 *   arrays inside them `TagFilter.1.TagValues.1`;
 * - the legacy list parameters an action names in `jsonArrayParams` become one JSON-array string
 *   (`InstanceIds='["i-1","i-2"]'`);
 * - booleans become `true` / `false`, numbers their decimal form;
 * - `undefined` and `null` are left out.
 */
export type WireParams = Record<string, string>;

export function encodeParams(params: object, jsonArrayParams: readonly string[] = []): WireParams {
  const wire: WireParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (jsonArrayParams.includes(name)) {
      wire[name] = typeof value === 'string' ? value : JSON.stringify(value);
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
    wire[key] = value;
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    wire[key] = String(value);
  } else {
    throw new TypeError(`parameter ${key}: cannot encode a ${typeof value}`);
  }
}
