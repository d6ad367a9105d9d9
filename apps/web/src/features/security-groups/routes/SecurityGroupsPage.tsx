import { useUserRefetch } from '@/lib/background-fetch';
import { INSTANCE_LIST, regionListQueryKey, SECURITY_GROUP_LIST, useRegionList } from '@/lib/region-list';
import { useListRegion } from '@/lib/selected-region';
import { useSecurityGroupList } from '../api/security-group-list';
import { SecurityGroupTable } from '../components/SecurityGroupTable';

/** `/security-groups?region=…`: every security group of the region, in the view the address describes. */
export function SecurityGroupsPage() {
  const regionId = useListRegion();
  const groups = useSecurityGroupList(regionId);
  // The groups' members; until (or unless) they load, ECS's instance counts show.
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const refresh = useUserRefetch(regionListQueryKey(SECURITY_GROUP_LIST, regionId), groups.refetch);

  return (
    <SecurityGroupTable
      // A new region starts with a fresh selection.
      key={regionId}
      regionId={regionId}
      groups={groups.data?.securityGroups}
      instances={instances.data?.instances}
      source={groups}
      onRefresh={refresh}
    />
  );
}
