/** The console's address of a disk's page. */
export function diskPath(regionId: string, diskId: string): string {
  return `/disks/${encodeURIComponent(regionId)}/${encodeURIComponent(diskId)}`;
}
