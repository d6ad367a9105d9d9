import { useUserRefetch } from '@/lib/background-fetch';
import { useListRegion } from '@/lib/selected-region';
import { fleetQueryKey, useFleet } from '../api/fleet';
import { InstanceTable } from '../components/InstanceTable';

/** `/instances?region=…`: every instance of the region, in the view the address describes. */
export function InstanceListPage() {
  const regionId = useListRegion();
  const fleet = useFleet(regionId);
  const refresh = useUserRefetch(fleetQueryKey(regionId), fleet.refetch);

  return (
    <InstanceTable
      // A new region starts with a fresh selection.
      key={regionId}
      regionId={regionId}
      instances={fleet.data?.instances}
      source={fleet}
      onRefresh={refresh}
    />
  );
}
