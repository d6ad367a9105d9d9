import { SECURITY_GROUP_LIST, useRegionList } from '@/lib/region-list';

/** Every security group of the region (`.data.securityGroups`), each with all of its rules. */
export function useSecurityGroupList(regionId: string) {
  return useRegionList(SECURITY_GROUP_LIST, regionId);
}
