import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type ItemResult, type RunningBatch } from '@/components/action-results';
import { useNotifications } from '@/components/notifications';
import {
  useDeleteSnapshotsMutation,
  type DeleteSnapshotResult,
  type DeleteSnapshotsBatch,
} from '../api/delete-snapshots';
import { snapshotLabel } from '../logic/snapshot-fields';

/** ECS's refusals the console explains beside the result: what they mean, and what can be done. */
export const SNAPSHOT_CREATED_DISK = 'SnapshotCreatedDisk';
export const SNAPSHOT_CREATED_IMAGE = 'SnapshotCreatedImage';

function toItemResult(result: DeleteSnapshotResult): ItemResult {
  const base = { id: result.snapshot.SnapshotId, label: snapshotLabel(result.snapshot) };
  return result.ok ? { ...base, ok: true, requestId: result.requestId } : { ...base, ok: false, error: result.error };
}

function refusedWith(results: readonly DeleteSnapshotResult[], code: string): SnapshotSummary[] {
  return results.flatMap((result) => (!result.ok && result.error.code === code ? [result.snapshot] : []));
}

const labels = (snapshots: readonly SnapshotSummary[]) => snapshots.map(snapshotLabel).join(', ');

/** Each Force offer is its own message, dismissed when taken. */
let forceOffers = 0;

export type DeleteSnapshots = (batch: DeleteSnapshotsBatch) => void;

/**
 * Deletes snapshots and reports the batch as one summary with each snapshot's RequestId or ECS's
 * error. When ECS refuses because disks were created from a snapshot, a second message says what
 * that means and offers to delete them with Force; when a custom image was, it says to delete the
 * image first (ECS has no Force for that).
 */
export function useDeleteSnapshots(): DeleteSnapshots {
  const { t } = useTranslation();
  const reporter = useReportBatch();
  const { notify, dismiss } = useNotifications();
  // The Force offer runs a batch from a notification that outlives the dialog: it calls the latest run.
  const runRef = useRef<DeleteSnapshots>(() => undefined);

  const explainRefusals = useCallback(
    (regionId: string, results: readonly DeleteSnapshotResult[]) => {
      const forImages = refusedWith(results, SNAPSHOT_CREATED_IMAGE);
      if (forImages.length > 0) {
        notify({
          type: 'info',
          header: t('snapshots.delete.refusal.image.header', { count: forImages.length }),
          content: t('snapshots.delete.refusal.image.body', { count: forImages.length, snapshots: labels(forImages) }),
        });
      }
      const forDisks = refusedWith(results, SNAPSHOT_CREATED_DISK);
      if (forDisks.length === 0) return;
      const id = `snapshots-force-offer-${++forceOffers}`;
      notify({
        id,
        type: 'warning',
        header: t('snapshots.delete.refusal.disk.header', { count: forDisks.length }),
        content: (
          <SpaceBetween size="xs">
            <Box variant="p" color="inherit">
              {t('snapshots.delete.refusal.disk.body', { count: forDisks.length, snapshots: labels(forDisks) })}
            </Box>
            <Button
              onClick={() => {
                dismiss(id);
                runRef.current({
                  regionId,
                  snapshots: forDisks,
                  forceIds: new Set(forDisks.map((snapshot) => snapshot.SnapshotId)),
                });
              }}
            >
              {t('snapshots.delete.refusal.disk.forceButton', { count: forDisks.length })}
            </Button>
          </SpaceBetween>
        ),
      });
    },
    [dismiss, notify, t],
  );

  const { mutate } = useDeleteSnapshotsMutation<RunningBatch>({
    onProgress: (done, running) => running.progress(done),
    onDone: (batch, results, running) => {
      running.finish(results.map(toItemResult));
      explainRefusals(batch.regionId, results);
    },
  });

  const run = useCallback<DeleteSnapshots>(
    (batch) => {
      const running = reporter.start(
        {
          running: t('snapshots.delete.running', { count: batch.snapshots.length }),
          succeededCount: (count) => t('snapshots.delete.succeededCount', { count }),
          succeededOne: (snapshot) => t('snapshots.delete.succeeded', { snapshot }),
          failedOne: (snapshot) => t('snapshots.delete.failed', { snapshot }),
        },
        batch.snapshots.length,
      );
      mutate({ batch, started: running });
    },
    [mutate, reporter, t],
  );
  useEffect(() => {
    runRef.current = run;
  }, [run]);
  return run;
}
