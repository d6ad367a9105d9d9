import { INSTANCE_LIST, SECURITY_GROUP_LIST } from '@/lib/region-list';

/**
 * The console page of a resource an audit entry names, told by its ID's prefix (`i-`, `d-`, `sg-`,
 * `s-`). Pages belong to a region, so an entry without one (a user change) links nowhere, and so
 * does an ID of another kind (a user name, an image).
 */
export function auditResourceHref(resourceId: string, regionId: string | undefined): string | undefined {
  if (!regionId) return undefined;
  const region = encodeURIComponent(regionId);
  if (resourceId.startsWith('i-')) return INSTANCE_LIST.pagePath(regionId, resourceId);
  if (resourceId.startsWith('d-')) return `/disks/${region}/${encodeURIComponent(resourceId)}`;
  if (resourceId.startsWith('sg-')) return SECURITY_GROUP_LIST.pagePath(regionId, resourceId);
  // Snapshots have no page of their own: their list, filtered to the one snapshot.
  if (resourceId.startsWith('s-')) return `/snapshots?region=${region}&filter=${encodeURIComponent(`: ${resourceId}`)}`;
  return undefined;
}
