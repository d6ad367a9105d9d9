import { withJsonBytes } from '../../protocol/pre-serialized.js';
import type { InstanceRecord, RegionState } from '../../store/types.js';

/**
 * DescribeInstances' view of each instance, rendered (and serialised) once and again only after a
 * field of the record changed, so a page costs what its own instances cost to copy, not to render.
 * Whatever changed the record (an action, a transition, a test), the check below sees it: it
 * compares the record's fields with the ones the view was rendered from, which is far cheaper than
 * rendering. Fields the view never shows are left out, so they do not throw the view away.
 */

/** Record fields DescribeInstances does not show. */
const UNSHOWN = new Set([
  'transition',
  'vncPassword',
  'everStarted',
  'pendingStoppedMode',
  'runningPeriods',
  'console',
]);

export interface CachedInstanceView {
  readonly source: InstanceRecord;
  /** The shown fields flattened: name, then the value (arrays and maps as length and entries). */
  readonly inputs: readonly unknown[];
  readonly view: Readonly<Record<string, unknown>>;
}

export function cachedInstanceView(
  region: RegionState,
  instance: InstanceRecord,
  render: (region: RegionState, instance: InstanceRecord) => Record<string, unknown>,
): Readonly<Record<string, unknown>> {
  const views = region.instanceViews;
  const kept = views.get(instance.InstanceId);
  if (kept?.source === instance && sameInputs(instance, kept.inputs)) return kept.view;
  const view = withJsonBytes(render(region, instance));
  // Released instances leave their views behind; sweep them now and then.
  if (views.size > 2 * region.instances.size + 64) {
    for (const id of views.keys()) if (!region.instances.has(id)) views.delete(id);
  }
  views.set(instance.InstanceId, { source: instance, inputs: inputsOf(instance), view });
  return view;
}

function inputsOf(instance: InstanceRecord): unknown[] {
  const inputs: unknown[] = [];
  for (const [name, value] of Object.entries(instance)) {
    if (UNSHOWN.has(name)) continue;
    inputs.push(name);
    if (Array.isArray(value)) inputs.push(value.length, ...(value as unknown[]));
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      inputs.push(entries.length);
      for (const [key, item] of entries) inputs.push(key, item);
    } else inputs.push(value);
  }
  return inputs;
}

/** The same walk as inputsOf, comparing instead of collecting (no allocation on the hot path). */
function sameInputs(instance: InstanceRecord, inputs: readonly unknown[]): boolean {
  let at = 0;
  for (const name in instance) {
    if (UNSHOWN.has(name)) continue;
    if (inputs[at++] !== name) return false;
    const value = (instance as unknown as Record<string, unknown>)[name];
    if (Array.isArray(value)) {
      if (inputs[at++] !== value.length) return false;
      for (const item of value as unknown[]) if (inputs[at++] !== item) return false;
    } else if (value !== null && typeof value === 'object') {
      const map = value as Record<string, unknown>;
      const countAt = at++;
      let count = 0;
      for (const key in map) {
        count++;
        if (inputs[at++] !== key || inputs[at++] !== map[key]) return false;
      }
      if (inputs[countAt] !== count) return false;
    } else if (inputs[at++] !== value) return false;
  }
  return at === inputs.length;
}
