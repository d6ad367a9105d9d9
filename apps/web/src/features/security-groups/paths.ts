import { SECURITY_GROUP_LIST } from '@/lib/region-list';

/** The console's address of a security group's page. */
export function groupPagePath(regionId: string, groupId: string): string {
  return SECURITY_GROUP_LIST.pagePath(regionId, groupId);
}
