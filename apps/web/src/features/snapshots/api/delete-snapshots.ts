import type { SnapshotSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEcsAction, toApiError, type ApiError } from '@/lib/api-client';
import { mapWithConcurrency } from '@/lib/concurrency';
import { refreshRegionListItems, SNAPSHOT_LIST } from '@/lib/region-list';

export type DeleteSnapshotResult =
  | { readonly snapshot: SnapshotSummary; readonly ok: true; readonly requestId: string }
  | { readonly snapshot: SnapshotSummary; readonly ok: false; readonly error: ApiError };

export interface DeleteSnapshotsBatch {
  readonly regionId: string;
  readonly snapshots: readonly SnapshotSummary[];
  /** The snapshots sent with Force=true (disks were created from them; the user ticked Force). */
  readonly forceIds: ReadonlySet<string>;
}

/** Requests in flight at once for a batch. */
const BATCH_CONCURRENCY = 5;

async function deleteOne(regionId: string, snapshot: SnapshotSummary, force: boolean): Promise<DeleteSnapshotResult> {
  try {
    const response = await callEcsAction('DeleteSnapshot', {
      RegionId: regionId,
      SnapshotId: snapshot.SnapshotId,
      // Sent only when the user asked: ECS then deletes it even though disks were made from it.
      ...(force ? { Force: true } : {}),
    });
    return { snapshot, ok: true, requestId: response.RequestId };
  } catch (error) {
    return { snapshot, ok: false, error: toApiError(error) };
  }
}

/** Deletes each snapshot of the batch; a refusal is a result to show, not an exception. */
export function deleteSnapshots(
  { regionId, snapshots, forceIds }: DeleteSnapshotsBatch,
  onProgress?: (done: number) => void,
): Promise<DeleteSnapshotResult[]> {
  let done = 0;
  return mapWithConcurrency(snapshots, BATCH_CONCURRENCY, async (snapshot) => {
    const result = await deleteOne(regionId, snapshot, forceIds.has(snapshot.SnapshotId));
    onProgress?.(++done);
    return result;
  });
}

/** `Context` is what the caller started the batch with, e.g. its in-progress notification. */
export interface DeleteSnapshotsCallbacks<Context> {
  readonly onProgress: (done: number, started: Context) => void;
  readonly onDone: (batch: DeleteSnapshotsBatch, results: readonly DeleteSnapshotResult[], started: Context) => void;
}

/**
 * Runs a batch of deletes, then asks for just those snapshots again (the deleted ones drop out of
 * the list). The callbacks live on the mutation, so results are reported even after the page is left.
 */
export function useDeleteSnapshotsMutation<Context>({ onProgress, onDone }: DeleteSnapshotsCallbacks<Context>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ batch, started }: { batch: DeleteSnapshotsBatch; started: Context }) =>
      deleteSnapshots(batch, (done) => onProgress(done, started)),
    onSuccess: (results, { batch, started }) => onDone(batch, results, started),
    onSettled: (_results, _error, { batch }) =>
      refreshRegionListItems(
        queryClient,
        SNAPSHOT_LIST,
        batch.regionId,
        batch.snapshots.map((snapshot) => snapshot.SnapshotId),
      ),
  });
}
