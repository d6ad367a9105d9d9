import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import { usedByDisks } from '../logic/snapshot-fields';
import { SnapshotTargets } from './SnapshotTargets';

interface DeleteSnapshotsModalProps {
  readonly snapshots: readonly SnapshotSummary[];
  readonly notShownIds?: ReadonlySet<string>;
  /** `forceIds`: the snapshots to send with Force (those disks were created from, once ticked). */
  readonly onConfirm: (forceIds: ReadonlySet<string>) => void;
  readonly onDismiss: () => void;
}

/**
 * Deleting a snapshot cannot be undone (one in progress is cancelled). The user types the snapshot
 * ID (or, for several, their number). Snapshots that disks were created from are deleted only with
 * Force, which must be ticked explicitly after reading what it means.
 */
export function DeleteSnapshotsModal({ snapshots, notShownIds, onConfirm, onDismiss }: DeleteSnapshotsModalProps) {
  const { t } = useTranslation();
  const [force, setForce] = useState(false);
  const withDisks = snapshots.filter(usedByDisks);
  const progressing = snapshots.filter((snapshot) => snapshot.Status === 'progressing').length;
  const [only] = snapshots;
  const confirmationText = snapshots.length === 1 && only ? only.SnapshotId : String(snapshots.length);

  return (
    <ConfirmByTypingModal
      header={t('snapshots.delete.title', { count: snapshots.length })}
      confirmationText={confirmationText}
      confirmButtonText={t('snapshots.delete.confirm')}
      confirmDisabled={withDisks.length > 0 && !force}
      onConfirm={() => onConfirm(new Set(force ? withDisks.map((snapshot) => snapshot.SnapshotId) : []))}
      onDismiss={onDismiss}
    >
      <Alert type="warning">{t('snapshots.delete.warning')}</Alert>
      {progressing > 0 && <Alert type="info">{t('snapshots.delete.cancelsProgressing', { count: progressing })}</Alert>}
      <SnapshotTargets snapshots={snapshots} notShownIds={notShownIds} />
      {withDisks.length > 0 && (
        <Checkbox
          checked={force}
          onChange={({ detail }) => setForce(detail.checked)}
          description={t('snapshots.delete.forceDescription', { count: withDisks.length })}
        >
          {t('snapshots.delete.force')}
        </Checkbox>
      )}
    </ConfirmByTypingModal>
  );
}
