import type { QueryClient } from '@tanstack/react-query';
import {
  INSTANCE_LIST,
  refreshRegionListItems,
  regionListQueryKey,
  regionListQueryOptions,
  useRegionList,
} from '@/lib/region-list';

/** The region's instance list: the generic region list (lib/region-list) of kind INSTANCE_LIST. */

export const fleetQueryKey = (regionId: string) => regionListQueryKey(INSTANCE_LIST, regionId);

export const fleetQueryOptions = (regionId: string) => regionListQueryOptions(INSTANCE_LIST, regionId);

export function useFleet(regionId: string) {
  return useRegionList(INSTANCE_LIST, regionId);
}

/** After the console acted on some instances: asks for just those and folds them into the list. */
export function refreshFleetInstances(client: QueryClient, regionId: string, ids: readonly string[]): Promise<void> {
  return refreshRegionListItems(client, INSTANCE_LIST, regionId, ids);
}
