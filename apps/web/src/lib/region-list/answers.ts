import type { RegionListAnswer, RegionListByIdAnswer } from '@ecs-console/contract';
import type { RegionListKind } from './kinds';

/**
 * Reading and replacing a kind's items in its answers. The contract types the list field by the
 * kind's key (`disks`, `snapshots`, `instances`), which TypeScript cannot index generically.
 */

export function listItems<K extends string, T>(
  kind: RegionListKind<K, T>,
  answer: RegionListAnswer<K, T>,
): readonly T[] {
  return (answer as unknown as Record<string, readonly T[]>)[kind.listKey] ?? [];
}

export function byIdItems<K extends string, T>(
  kind: RegionListKind<K, T>,
  answer: RegionListByIdAnswer<K, T>,
): readonly T[] {
  return (answer as unknown as Record<string, readonly T[]>)[kind.listKey] ?? [];
}

export function withListItems<K extends string, T>(
  kind: RegionListKind<K, T>,
  answer: RegionListAnswer<K, T>,
  items: readonly T[],
  totalCount: number,
): RegionListAnswer<K, T> {
  return { ...answer, [kind.listKey]: items, totalCount };
}
