import { REGION_LIST_IDS_MAX, type RegionListAnswer, type RegionListByIdAnswer } from '@ecs-console/contract';
import { byIdItems, listItems, withListItems } from './answers';
import type { RegionListKind } from './kinds';

/**
 * Incremental refresh of a region's list: while some items change state, only those are asked for
 * (by ID) and their answers are folded into the list the SPA already has.
 */

/** The IDs of the items that are changing state, in list order. */
export function transitionalIds<T>(kind: RegionListKind<string, T>, items: readonly T[]): string[] {
  const ids: string[] = [];
  for (const item of items) if (kind.isTransitional(item)) ids.push(kind.idOf(item));
  return ids;
}

/** IDs in requests of at most `REGION_LIST_IDS_MAX` (what one `?ids=` request may name). */
export function chunkIds(ids: readonly string[], size: number = REGION_LIST_IDS_MAX): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/** Whether two answers' items say the same (their JSON is the same shape from the same BFF). */
function sameItem(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The list with the partial answers folded in: items that changed are replaced, those asked for
 * but not returned no longer exist and are dropped, the rest (and the order) stay as they are.
 * Unchanged items keep their object identity, and when nothing changed the very same answer is
 * returned, so a table re-renders nothing. An item asked for that the list does not have yet
 * (a disk or snapshot the console just created) is added at the end, as ECS lists new items; items
 * a partial answer has that nobody asked for are ignored: they arrive with the next whole refresh.
 */
export function mergeRegionListItems<K extends string, T>(
  kind: RegionListKind<K, T>,
  list: RegionListAnswer<K, T>,
  partials: readonly RegionListByIdAnswer<K, T>[],
): RegionListAnswer<K, T> {
  const fresh = new Map<string, T>();
  const requested = new Set<string>();
  for (const partial of partials) {
    for (const id of partial.requestedIds) requested.add(id);
    for (const item of byIdItems(kind, partial)) fresh.set(kind.idOf(item), item);
  }
  const current = listItems(kind, list);
  let changed = false;
  const items: T[] = [];
  const listed = new Set<string>();
  for (const item of current) {
    const id = kind.idOf(item);
    const update = fresh.get(id);
    if (update) {
      listed.add(id);
      if (sameItem(item, update)) items.push(item);
      else {
        items.push(update);
        changed = true;
      }
    } else if (requested.has(id)) {
      changed = true;
    } else {
      items.push(item);
    }
  }
  for (const [id, item] of fresh) {
    if (requested.has(id) && !listed.has(id)) {
      items.push(item);
      changed = true;
    }
  }
  if (!changed) return list;
  return withListItems(kind, list, items, list.totalCount + (items.length - current.length));
}
