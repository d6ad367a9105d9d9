import Alert from '@cloudscape-design/components/alert';
import { useTranslation } from 'react-i18next';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import type { DiskSummary } from '@ecs-console/contract';
import { DiskActionTargets } from './DiskActionTargets';
import { useRunDiskAction } from './use-run-disk-action';

interface DeleteDisksModalProps {
  readonly regionId: string;
  /** Available, portable data disks. */
  readonly disks: readonly DiskSummary[];
  readonly visible: boolean;
  readonly onDismiss: () => void;
  /** Targets the list does not show right now. */
  readonly notShownIds?: ReadonlySet<string>;
}

/**
 * Deleting releases disks and their data for good. The user types the disk ID (or, for several,
 * their number); what happens to the disks' snapshots is said first.
 */
export function DeleteDisksModal({ visible, ...props }: DeleteDisksModalProps) {
  return visible ? <DeleteDisksDialog {...props} /> : null;
}

function DeleteDisksDialog({ regionId, disks, onDismiss, notShownIds }: Omit<DeleteDisksModalProps, 'visible'>) {
  const { t } = useTranslation();
  const run = useRunDiskAction();
  const only = disks.length === 1 ? disks[0] : undefined;
  const keepsAutoSnapshots = disks.filter((disk) => !disk.DeleteAutoSnapshot).length;
  return (
    <ConfirmByTypingModal
      header={t('disks.actions.delete.title', { count: disks.length })}
      confirmationText={only ? only.DiskId : String(disks.length)}
      confirmButtonText={t('disks.actions.delete.confirm')}
      onConfirm={() => {
        run(regionId, { action: 'delete' }, disks);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <Alert type="warning">
        {t('disks.actions.delete.warning', { count: disks.length })}{' '}
        {keepsAutoSnapshots === 0
          ? t('disks.actions.delete.autoSnapshotsDeleted', { count: disks.length })
          : keepsAutoSnapshots === disks.length
            ? t('disks.actions.delete.autoSnapshotsAllKept', { count: disks.length })
            : t('disks.actions.delete.autoSnapshotsKept', { count: keepsAutoSnapshots })}
      </Alert>
      <DiskActionTargets disks={disks} notShownIds={notShownIds} />
    </ConfirmByTypingModal>
  );
}
