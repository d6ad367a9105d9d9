import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import type { DiskSummary, SnapshotSummary } from '@ecs-console/contract';
import { diskLabel } from '../logic/disk-action-requests';
import { useDisabledReasonText, useDiskActionStates } from './use-disk-action-states';
import { useRunDiskAction } from './use-run-disk-action';

interface ResetDiskModalProps {
  readonly regionId: string;
  readonly disk: DiskSummary;
  /** The snapshot to roll back to (from the Snapshots page); otherwise the user picks one of the disk's. */
  readonly snapshot?: SnapshotSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/** Snapshots a disk can be rolled back to: its own, finished and usable, newest first. */
export function rollBackSnapshotsOf(disk: Pick<DiskSummary, 'DiskId'>, snapshots: readonly SnapshotSummary[]) {
  return snapshots
    .filter((snapshot) => snapshot.SourceDiskId === disk.DiskId && snapshot.Status === 'accomplished')
    .filter((snapshot) => snapshot.Available !== false)
    .toSorted((a, b) => b.CreationTime.localeCompare(a.CreationTime));
}

/**
 * Rolls a disk back to one of its snapshots (ResetDisk): everything written after the snapshot's
 * time is lost, so the time is shown and the disk ID must be typed; the instance must be Stopped.
 */
export function ResetDiskModal({ visible, ...props }: ResetDiskModalProps) {
  return visible ? <ResetDiskDialog {...props} /> : null;
}

function ResetDiskDialog({ regionId, disk, snapshot: preset, onDismiss }: Omit<ResetDiskModalProps, 'visible'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const run = useRunDiskAction();
  const reasonText = useDisabledReasonText();
  const availability = useDiskActionStates(regionId, [disk]).reset;
  const snapshots = useRegionList(SNAPSHOT_LIST, regionId);
  const candidates = rollBackSnapshotsOf(disk, snapshots.data?.snapshots ?? []);
  const [chosenId, setChosenId] = useState<string | undefined>(preset?.SnapshotId);
  const chosen = preset ?? candidates.find((snapshot) => snapshot.SnapshotId === chosenId);
  // ECS rolls a disk back only to a finished snapshot of its own (InvalidParameter.Mismatch, NotReady).
  const presetUnusable = preset !== undefined && rollBackSnapshotsOf(disk, [preset]).length === 0;

  const option = (snapshot: SnapshotSummary): SelectProps.Option => ({
    value: snapshot.SnapshotId,
    label: snapshot.SnapshotName ? `${snapshot.SnapshotName} (${snapshot.SnapshotId})` : snapshot.SnapshotId,
    description: t('disks.actions.reset.takenAt', { time: formatDateTime(snapshot.CreationTime, locale) }),
  });

  return (
    <ConfirmByTypingModal
      header={t('disks.actions.reset.title', { disk: diskLabel(disk) })}
      confirmationText={disk.DiskId}
      confirmButtonText={t('disks.actions.reset.confirm')}
      confirmDisabled={!availability.enabled || !chosen || presetUnusable}
      onConfirm={() => {
        if (!chosen) return;
        run(regionId, { action: 'reset', snapshotId: chosen.SnapshotId }, [disk]);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      {!availability.enabled && <Alert type="error">{reasonText(availability)}</Alert>}
      {presetUnusable && (
        <Alert type="error">{t('disks.actions.reset.presetUnusable', { snapshot: preset.SnapshotId })}</Alert>
      )}
      {preset ? (
        <FormField label={t('disks.actions.reset.snapshot')}>
          {option(preset).label} — {option(preset).description}
        </FormField>
      ) : (
        <FormField label={t('disks.actions.reset.snapshot')} description={t('disks.actions.reset.snapshotDescription')}>
          {snapshots.isError ? (
            <ApiErrorAlert error={snapshots.error} header={t('disks.actions.reset.loadFailed')} />
          ) : (
            <Select
              selectedOption={chosen ? option(chosen) : null}
              onChange={({ detail }) => setChosenId(detail.selectedOption.value)}
              options={candidates.map(option)}
              placeholder={t('disks.actions.reset.choose')}
              statusType={snapshots.isPending ? 'loading' : 'finished'}
              loadingText={t('disks.actions.reset.loading')}
              empty={t('disks.actions.reset.none')}
              filteringType="auto"
            />
          )}
        </FormField>
      )}
      <Alert type="warning">
        {chosen
          ? t('disks.actions.reset.warningAt', { time: formatDateTime(chosen.CreationTime, locale) })
          : t('disks.actions.reset.warning')}
      </Alert>
    </ConfirmByTypingModal>
  );
}
