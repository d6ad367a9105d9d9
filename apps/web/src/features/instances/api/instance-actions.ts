import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callEcsAction, toApiError, type ApiError } from '@/lib/api-client';
import { mapWithConcurrency } from '@/lib/concurrency';
import { ecsCallFor, type ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';
import { refreshFleetInstances } from './fleet';
import { regionInstancesQueryKey } from './instance';

export type InstanceActionResult =
  | { readonly instance: InstanceSummary; readonly ok: true; readonly requestId: string }
  | { readonly instance: InstanceSummary; readonly ok: false; readonly error: ApiError };

export interface InstanceActionBatch {
  readonly request: ActionRequest;
  readonly instances: readonly InstanceSummary[];
}

/** Requests in flight at once for a batch. */
const BATCH_CONCURRENCY = 5;

/** Runs the action on one instance; a failure is a result to show, not an exception. */
export async function runInstanceAction(
  request: ActionRequest,
  instance: InstanceSummary,
): Promise<InstanceActionResult> {
  const call = ecsCallFor(request, instance);
  try {
    const response = await callEcsAction(call.action, call.params);
    return { instance, ok: true, requestId: response.RequestId };
  } catch (error) {
    return { instance, ok: false, error: toApiError(error) };
  }
}

/** Runs a batch; `onProgress` hears how many instances have answered so far. */
export function runInstanceActions(
  { request, instances }: InstanceActionBatch,
  onProgress?: (done: number) => void,
): Promise<InstanceActionResult[]> {
  let done = 0;
  return mapWithConcurrency(instances, BATCH_CONCURRENCY, async (instance) => {
    const result = await runInstanceAction(request, instance);
    onProgress?.(++done);
    return result;
  });
}

/** `Context` is what the caller started the batch with, e.g. its in-progress notification. */
export interface InstanceActionCallbacks<Context> {
  readonly onProgress: (batch: InstanceActionBatch, done: number, started: Context) => void;
  readonly onDone: (batch: InstanceActionBatch, results: readonly InstanceActionResult[], started: Context) => void;
}

/**
 * Runs a batch and then refreshes what it changed. The callbacks live on the mutation itself, so
 * results are reported even when the page that started the batch has been left.
 */
export function useInstanceActionsMutation<Context>({ onProgress, onDone }: InstanceActionCallbacks<Context>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ batch, started }: { batch: InstanceActionBatch; started: Context }) =>
      runInstanceActions(batch, (done) => onProgress(batch, done, started)),
    onSuccess: (results, { batch, started }) => onDone(batch, results, started),
    onSettled: async (_results, _error, { batch }) => {
      const idsByRegion = new Map<string, string[]>();
      for (const { RegionId, InstanceId } of batch.instances) {
        idsByRegion.set(RegionId, [...(idsByRegion.get(RegionId) ?? []), InstanceId]);
      }
      await Promise.all(
        [...idsByRegion].flatMap(([regionId, ids]) => [
          // Only what the batch acted on, not the whole region again.
          refreshFleetInstances(queryClient, regionId, ids),
          queryClient.invalidateQueries({ queryKey: regionInstancesQueryKey(regionId) }),
        ]),
      );
    },
  });
}
