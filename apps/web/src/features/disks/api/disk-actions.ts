import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEcsAction, toApiError, type ApiError } from '@/lib/api-client';
import { mapWithConcurrency } from '@/lib/concurrency';
import { DISK_LIST, INSTANCE_LIST, refreshRegionListItems } from '@/lib/region-list';
import type { DiskSummary } from '@ecs-console/contract';
import { diskEcsCallFor, type DiskActionRequest } from '../logic/disk-action-requests';

export type DiskActionResult =
  | { readonly disk: DiskSummary; readonly ok: true; readonly requestId: string }
  | { readonly disk: DiskSummary; readonly ok: false; readonly error: ApiError };

export interface DiskActionBatch {
  readonly regionId: string;
  readonly request: DiskActionRequest;
  readonly disks: readonly DiskSummary[];
}

/** Requests in flight at once for a batch. */
const BATCH_CONCURRENCY = 5;

/** Runs the action on one disk; a failure is a result to show, not an exception. */
export async function runDiskAction(request: DiskActionRequest, disk: DiskSummary): Promise<DiskActionResult> {
  const call = diskEcsCallFor(request, disk);
  try {
    const response = await callEcsAction(call.action, call.params);
    return { disk, ok: true, requestId: response.RequestId };
  } catch (error) {
    return { disk, ok: false, error: toApiError(error) };
  }
}

/** Runs a batch; `onProgress` hears how many disks have answered so far. */
export function runDiskActions(
  { request, disks }: DiskActionBatch,
  onProgress?: (done: number) => void,
): Promise<DiskActionResult[]> {
  let done = 0;
  return mapWithConcurrency(disks, BATCH_CONCURRENCY, async (disk) => {
    const result = await runDiskAction(request, disk);
    onProgress?.(++done);
    return result;
  });
}

/** The instances an action changes besides its disks: their disk lists, or their state (re-initialise may start one). */
function instancesTouched({ request, disks }: DiskActionBatch): string[] {
  const ids = new Set<string>();
  if (request.action === 'attach') ids.add(request.instanceId);
  if (request.action === 'detach' || request.action === 'reinit') {
    for (const disk of disks) if (disk.InstanceId) ids.add(disk.InstanceId);
  }
  return [...ids];
}

/** `Context` is what the caller started the batch with, e.g. its in-progress notification. */
export interface DiskActionCallbacks<Context> {
  readonly onProgress: (batch: DiskActionBatch, done: number, started: Context) => void;
  readonly onDone: (batch: DiskActionBatch, results: readonly DiskActionResult[], started: Context) => void;
}

/**
 * Runs a batch and then asks for what it changed: the disks it acted on (which then show Attaching,
 * Detaching or ReIniting and are polled until done) and the instances involved. The callbacks live
 * on the mutation, so results are reported even when the page that started it has been left.
 */
export function useDiskActionsMutation<Context>({ onProgress, onDone }: DiskActionCallbacks<Context>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ batch, started }: { batch: DiskActionBatch; started: Context }) =>
      runDiskActions(batch, (done) => onProgress(batch, done, started)),
    onSuccess: (results, { batch, started }) => onDone(batch, results, started),
    onSettled: async (_results, _error, { batch }) => {
      const diskIds = batch.disks.map((disk) => disk.DiskId);
      const instanceIds = instancesTouched(batch);
      await Promise.all([
        refreshRegionListItems(queryClient, DISK_LIST, batch.regionId, diskIds),
        instanceIds.length > 0
          ? refreshRegionListItems(queryClient, INSTANCE_LIST, batch.regionId, instanceIds)
          : undefined,
      ]);
    },
  });
}
