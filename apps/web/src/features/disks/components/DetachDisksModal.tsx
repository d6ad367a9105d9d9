import Alert from '@cloudscape-design/components/alert';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import type { DiskSummary } from '@ecs-console/contract';
import type { DiskActionResult } from '../api/disk-actions';
import { DiskActionTargets } from './DiskActionTargets';
import { useRunDiskAction } from './use-run-disk-action';

interface DetachDisksModalProps {
  readonly regionId: string;
  /** Data disks In_use; each is detached from the instance it is on. */
  readonly disks: readonly DiskSummary[];
  readonly visible: boolean;
  readonly onDismiss: () => void;
  /** Targets the list does not show right now. */
  readonly notShownIds?: ReadonlySet<string>;
  /** Hears the results once every disk has answered (e.g. to refresh an instance's disks). */
  readonly onDone?: (results: readonly DiskActionResult[]) => void;
}

/** Detaches disks from their instances, after saying what it means for the guest. */
export function DetachDisksModal({ visible, ...props }: DetachDisksModalProps) {
  return visible ? <DetachDisksDialog {...props} /> : null;
}

function DetachDisksDialog({
  regionId,
  disks,
  onDismiss,
  notShownIds,
  onDone,
}: Omit<DetachDisksModalProps, 'visible'>) {
  const { t } = useTranslation();
  const run = useRunDiskAction();
  return (
    <FormModal
      header={t('disks.actions.detach.title', { count: disks.length })}
      submitText={t('disks.actions.detach.confirm')}
      onSubmit={() => {
        run(regionId, { action: 'detach' }, disks, onDone);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <Alert type="info">{t('disks.actions.detach.explanation')}</Alert>
      <DiskActionTargets disks={disks} notShownIds={notShownIds} />
    </FormModal>
  );
}
