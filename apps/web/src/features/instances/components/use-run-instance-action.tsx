import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type BatchTexts, type ItemResult, type RunningBatch } from '@/components/action-results';
import { useInstanceActionsMutation, type InstanceActionResult } from '../api/instance-actions';
import { instanceLabel, type ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';

function toItemResult(result: InstanceActionResult): ItemResult {
  const base = { id: result.instance.InstanceId, label: instanceLabel(result.instance) };
  return result.ok ? { ...base, ok: true, requestId: result.requestId } : { ...base, ok: false, error: result.error };
}

/**
 * Runs an action on instances and reports it as one batch: an in-progress message with how many
 * have answered, then one summary ("9 started, 1 failed: InstanceExpired") with each instance's
 * RequestId or error on demand.
 */
export function useRunInstanceAction(): (request: ActionRequest, instances: readonly InstanceSummary[]) => void {
  const { t } = useTranslation();
  const reporter = useReportBatch();
  const { mutate } = useInstanceActionsMutation<RunningBatch>({
    onProgress: (_batch, done, running) => running.progress(done),
    onDone: (_batch, results, running) => running.finish(results.map(toItemResult)),
  });

  return useCallback(
    (request: ActionRequest, instances: readonly InstanceSummary[]) => {
      const { action } = request;
      const texts: BatchTexts = {
        running: t(`actions.${action}.running`, { count: instances.length }),
        succeededCount: (count) => t(`feedback.actions.${action}.succeededCount`, { count }),
        succeededOne: (instance) => t(`actions.${action}.succeeded`, { instance }),
        failedOne: (instance) => t(`actions.${action}.failed`, { instance }),
      };
      const running = reporter.start(texts, instances.length);
      mutate({ batch: { request, instances }, started: running });
    },
    [mutate, reporter, t],
  );
}
