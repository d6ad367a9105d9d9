import type { RegionListKind } from './kinds';

/** While anything is changing state the list follows it closely; otherwise a slow background refresh. */
export const FAST_REFRESH_MS = 2_500;
export const SLOW_REFRESH_MS = 30_000;

/** How soon a list (or one item's page) is refreshed again. */
export function refreshIntervalFor<T>(kind: RegionListKind<string, T>, items: readonly T[] | undefined): number {
  return items?.some(kind.isTransitional) ? FAST_REFRESH_MS : SLOW_REFRESH_MS;
}
