import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type BatchTexts, type ItemResult, type RunningBatch } from '@/components/action-results';
import type { DiskSummary } from '@ecs-console/contract';
import { useDiskActionsMutation, type DiskActionResult } from '../api/disk-actions';
import { diskLabel, type DiskActionRequest } from '../logic/disk-action-requests';

function toItemResult(result: DiskActionResult): ItemResult {
  const base = { id: result.disk.DiskId, label: diskLabel(result.disk) };
  return result.ok ? { ...base, ok: true, requestId: result.requestId } : { ...base, ok: false, error: result.error };
}

/** Runs a disk action; `onDone` hears the results once every disk has answered. */
export type RunDiskAction = (
  regionId: string,
  request: DiskActionRequest,
  disks: readonly DiskSummary[],
  onDone?: (results: readonly DiskActionResult[]) => void,
) => void;

interface Started {
  readonly running: RunningBatch;
  readonly onDone?: (results: readonly DiskActionResult[]) => void;
}

/**
 * Runs an action on disks and reports it as one batch that stays in view: an in-progress message,
 * then one summary ("2 detaching, 1 failed: DiskNotPortable") with each disk's RequestId, or ECS's
 * code, message and RequestId, on demand; one concise message for one disk.
 */
export function useRunDiskAction(): RunDiskAction {
  const { t } = useTranslation();
  const reporter = useReportBatch();
  const { mutate } = useDiskActionsMutation<Started>({
    onProgress: (_batch, done, { running }) => running.progress(done),
    onDone: (_batch, results, { running, onDone }) => {
      running.finish(results.map(toItemResult));
      onDone?.(results);
    },
  });

  return useCallback<RunDiskAction>(
    (regionId, request, disks, onDone) => {
      const { action } = request;
      const texts: BatchTexts = {
        running: t(`disks.actions.${action}.running`, { count: disks.length }),
        succeededCount: (count) => t(`disks.actions.${action}.succeededCount`, { count }),
        succeededOne: (disk) => t(`disks.actions.${action}.succeeded`, { disk }),
        failedOne: (disk) => t(`disks.actions.${action}.failed`, { disk }),
      };
      const running = reporter.start(texts, disks.length);
      mutate({ batch: { regionId, request, disks }, started: { running, onDone } });
    },
    [mutate, reporter, t],
  );
}
