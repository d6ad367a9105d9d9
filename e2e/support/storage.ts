import { expect, type Page } from '@playwright/test';

/** What the storage tests read of a disk in the console's list. */
export interface ListedDisk {
  readonly DiskId: string;
  readonly DiskName: string;
  readonly ZoneId: string;
  readonly Status: string;
  readonly Type: string;
  readonly Size: number;
  readonly InstanceId: string;
  readonly Portable: boolean;
  readonly SourceSnapshotId: string;
}

/** What the storage tests read of a snapshot in the console's list. */
export interface ListedSnapshot {
  readonly SnapshotId: string;
  readonly SnapshotName: string;
  readonly Status: string;
  readonly Progress: string;
  readonly SourceDiskId: string;
}

/** Every disk of a region through the console's API, with the page's session. */
export async function listDisks(page: Page, regionId = 'cn-hangzhou'): Promise<ListedDisk[]> {
  const response = await page.request.get(`/api/regions/${regionId}/disks`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { disks: ListedDisk[] }).disks;
}

/** Every snapshot of a region through the console's API, with the page's session. */
export async function listSnapshots(page: Page, regionId = 'cn-hangzhou'): Promise<ListedSnapshot[]> {
  const response = await page.request.get(`/api/regions/${regionId}/snapshots`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { snapshots: ListedSnapshot[] }).snapshots;
}

/**
 * The disk the predicate picks, once the console lists it (a region's listing is shared for a few
 * seconds, so a new disk may take one more listing to appear).
 */
export async function waitForDisk(
  page: Page,
  predicate: (disk: ListedDisk) => boolean,
  regionId = 'cn-hangzhou',
): Promise<ListedDisk> {
  let found: ListedDisk | undefined;
  await expect
    .poll(
      async () => {
        found = (await listDisks(page, regionId)).find(predicate);
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

/** The console's address of a disk's page. */
export function diskPage(diskId: string, regionId = 'cn-hangzhou'): string {
  return `/disks/${regionId}/${diskId}`;
}

/** The console's address of an instance's page. */
export function instancePage(instanceId: string, regionId = 'cn-hangzhou'): string {
  return `/instances/${regionId}/${instanceId}`;
}
