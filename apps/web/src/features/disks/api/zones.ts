import { useQuery } from '@tanstack/react-query';
import { callEcsAction } from '@/lib/api-client';
import { zoneOffers } from '../logic/create-disk';

export const zoneOffersQueryKey = (regionId: string) => ['zones', regionId] as const;

/** A region's zones change rarely: asked once per region per quarter hour. */
const ZONES_STALE_MS = 15 * 60_000;

/** The region's zones and the disk categories each offers for new disks (DescribeZones, brief form). */
export function useZoneOffers(regionId: string) {
  return useQuery({
    queryKey: zoneOffersQueryKey(regionId),
    queryFn: async ({ signal }) => {
      const answer = await callEcsAction('DescribeZones', { RegionId: regionId, Verbose: false }, { signal });
      return zoneOffers(answer.Zones.Zone);
    },
    staleTime: ZONES_STALE_MS,
  });
}
