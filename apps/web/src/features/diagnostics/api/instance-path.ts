/** The BFF's base path for one instance's diagnostics routes. */
export function instancePath(regionId: string, instanceId: string): string {
  return `/api/instances/${encodeURIComponent(regionId)}/${encodeURIComponent(instanceId)}`;
}
