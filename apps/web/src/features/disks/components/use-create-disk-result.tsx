import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorDetails } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { useNotifications } from '@/components/notifications';
import { DISK_LIST, refreshRegionListItems, SNAPSHOT_LIST } from '@/lib/region-list';
import { AVAILABLE_TIMEOUT_MS, attachDisk, waitForDiskAvailable, type DiskWait } from '../api/create-disk';
import { diskPath } from '../paths';

interface EcsStep {
  /** The action's name, e.g. CreateDisk. */
  readonly action: string;
  readonly requestId: string;
}

/** The new disk (linked to its page) and the RequestId of each call made for it. */
function CreatedDiskDetails({
  regionId,
  diskId,
  steps,
}: {
  readonly regionId: string;
  readonly diskId: string;
  readonly steps: readonly EcsStep[];
}) {
  const { t } = useTranslation();
  return (
    <SpaceBetween size="xxs">
      <Box variant="small" color="inherit">
        {t('disks.create.result.disk')}: <CopyableId id={diskId} href={diskPath(regionId, diskId)} />
      </Box>
      {steps.map((step) => (
        <Box key={step.action} variant="small" color="inherit">
          {step.action} {t('errors.requestId')}: <CopyableId id={step.requestId} />
        </Box>
      ))}
    </SpaceBetween>
  );
}

export interface CreatedDisk {
  readonly regionId: string;
  readonly diskId: string;
  readonly requestId: string;
  /** The snapshot it was made from: its Usage changes. */
  readonly snapshotId?: string;
  readonly attachTo?: { readonly instanceId: string; readonly deleteWithInstance: boolean };
}

/**
 * Reports a disk CreateDisk accepted, in a notification that stays (the user may want its ID), and
 * refreshes it in the region's lists. With `attachTo`, it then waits until the disk is Available
 * and attaches it, the notification saying each step and ending with each call's RequestId, or
 * with why the disk (kept) is not attached.
 */
export function useReportCreatedDisk(): (created: CreatedDisk) => Promise<void> {
  const { t } = useTranslation();
  const { notify } = useNotifications();
  const queryClient = useQueryClient();

  return useCallback(
    async ({ regionId, diskId, requestId, snapshotId, attachTo }: CreatedDisk) => {
      const refreshDisk = () => refreshRegionListItems(queryClient, DISK_LIST, regionId, [diskId]);
      void refreshDisk();
      if (snapshotId) void refreshRegionListItems(queryClient, SNAPSHOT_LIST, regionId, [snapshotId]);
      const created: EcsStep = { action: 'CreateDisk', requestId };
      if (!attachTo) {
        notify({
          type: 'info',
          header: t('disks.create.result.created', { disk: diskId }),
          content: (
            <SpaceBetween size="xxs">
              <Box variant="p" color="inherit">
                {t('disks.create.result.createdDetail')}
              </Box>
              <CreatedDiskDetails regionId={regionId} diskId={diskId} steps={[created]} />
            </SpaceBetween>
          ),
        });
        return;
      }

      const names = { disk: diskId, instance: attachTo.instanceId };
      const details = <CreatedDiskDetails regionId={regionId} diskId={diskId} steps={[created]} />;
      const id = notify({ type: 'in-progress', header: t('disks.create.result.waiting', names), content: details });
      const notAttached = (reason: ReactNode) =>
        notify({
          id,
          type: 'error',
          header: t('disks.create.result.attachFailed', names),
          content: (
            <SpaceBetween size="xxs">
              {reason}
              <Box variant="p" color="inherit">
                {t('disks.create.result.attachFailedHint')}
              </Box>
              {details}
            </SpaceBetween>
          ),
        });
      try {
        const wait: DiskWait = await waitForDiskAvailable(regionId, diskId);
        if (wait.outcome !== 'available') {
          const reason =
            wait.outcome === 'gone'
              ? t('disks.create.result.gone')
              : t('disks.create.result.notAvailable', {
                  status: wait.status,
                  minutes: AVAILABLE_TIMEOUT_MS / 60_000,
                });
          notAttached(
            <Box variant="p" color="inherit">
              {reason}
            </Box>,
          );
          return;
        }
        notify({ id, type: 'in-progress', header: t('disks.create.result.attaching', names), content: details });
        const attached = await attachDisk(regionId, diskId, attachTo.instanceId, attachTo.deleteWithInstance);
        notify({
          id,
          type: 'info',
          header: t('disks.create.result.attached', names),
          content: (
            <CreatedDiskDetails
              regionId={regionId}
              diskId={diskId}
              steps={[created, { action: 'AttachDisk', requestId: attached.requestId }]}
            />
          ),
        });
      } catch (error) {
        notAttached(<ApiErrorDetails error={error} />);
      } finally {
        await refreshDisk();
      }
    },
    [notify, queryClient, t],
  );
}
