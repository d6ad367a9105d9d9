import {
  FLEET_IDS_MAX,
  type FleetAnswer,
  type FleetInstancesAnswer,
  type InstanceSummary,
} from '@ecs-console/contract';
import { isTransitional } from './status';

/**
 * Incremental refresh of the instance list: while some instances change state, only those are
 * asked for (by ID) and their answers are folded into the region's list the SPA already has.
 */

/** The IDs of the instances that are changing state, in list order. */
export function transitionalIds(instances: readonly InstanceSummary[]): string[] {
  return instances.filter((instance) => isTransitional(instance.Status)).map((instance) => instance.InstanceId);
}

/** IDs in requests of at most `FLEET_IDS_MAX` (what one `?ids=` request may name). */
export function chunkIds(ids: readonly string[], size: number = FLEET_IDS_MAX): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/** Whether two answers' instances say the same (their JSON is the same shape from the same BFF). */
function sameInstance(a: InstanceSummary, b: InstanceSummary): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The list with the partial answers folded in: instances that changed are replaced, those asked
 * for but not returned no longer exist and are dropped, the rest (and the order) stay as they are.
 * Unchanged instances keep their object identity, and when nothing changed the very same answer is
 * returned, so the table re-renders nothing. Instances a partial answer has that the list does not
 * (nobody asked for them) are ignored: new instances arrive with the next full refresh.
 */
export function mergeFleetInstances(fleet: FleetAnswer, partials: readonly FleetInstancesAnswer[]): FleetAnswer {
  const fresh = new Map<string, InstanceSummary>();
  const requested = new Set<string>();
  for (const partial of partials) {
    for (const id of partial.requestedIds) requested.add(id);
    for (const instance of partial.instances) fresh.set(instance.InstanceId, instance);
  }
  let changed = false;
  const instances: InstanceSummary[] = [];
  for (const current of fleet.instances) {
    const id = current.InstanceId;
    const update = fresh.get(id);
    if (update) {
      if (sameInstance(current, update)) instances.push(current);
      else {
        instances.push(update);
        changed = true;
      }
    } else if (requested.has(id)) {
      changed = true;
    } else {
      instances.push(current);
    }
  }
  if (!changed) return fleet;
  return { ...fleet, instances, totalCount: fleet.totalCount - (fleet.instances.length - instances.length) };
}
