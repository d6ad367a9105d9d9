import type { DiskSummary, InstanceSummary, SnapshotSummary } from '@ecs-console/contract';
import { configure, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { DISK_LIST, useRegionList } from '@/lib/region-list';

// Cloudscape modals and tables take a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

export const REGION = 'cn-hangzhou';
export const INSTANCES_PATH = `GET /api/regions/${REGION}/instances`;
export const DISKS_PATH = `GET /api/regions/${REGION}/disks`;
export const SNAPSHOTS_PATH = `GET /api/regions/${REGION}/snapshots`;

function listAnswer<K extends string, T>(key: K, items: readonly T[]) {
  return {
    regionId: REGION,
    totalCount: items.length,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00.000Z',
    version: 'v1',
    [key]: items,
  };
}

/** The BFF's region lists, as `stubApi` routes. */
export function regionLists({
  instances = [],
  disks = [],
  snapshots = [],
}: {
  instances?: readonly InstanceSummary[];
  disks?: readonly DiskSummary[];
  snapshots?: readonly SnapshotSummary[];
}) {
  return {
    [INSTANCES_PATH]: () => Response.json(listAnswer('instances', instances)),
    [DISKS_PATH]: () => Response.json(listAnswer('disks', disks)),
    [SNAPSHOTS_PATH]: () => Response.json(listAnswer('snapshots', snapshots)),
  };
}

/** Keeps the region's disk list loaded, as the Disks page does, so an action's refresh can be seen. */
export function DiskListObserver() {
  const list = useRegionList(DISK_LIST, REGION);
  return <output aria-label="Disks listed">{list.data?.disks.length ?? '-'}</output>;
}

export const ok = (requestId: string) => () => Response.json({ RequestId: requestId });

/** Opens an item of the Actions menu and returns the dialog. */
export async function openMenuAction(user: UserEvent, item: string) {
  await user.click(screen.getByRole('button', { name: 'Actions' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  return screen.findByRole('dialog');
}
