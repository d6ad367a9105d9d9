/** The console's address of an instance's page. */
export function instanceHref(regionId: string, instanceId: string): string {
  return `/instances/${encodeURIComponent(regionId)}/${encodeURIComponent(instanceId)}`;
}
