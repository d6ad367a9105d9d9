import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import type { DiskSummary } from '@ecs-console/contract';
import { diskLabel } from '../logic/disk-action-requests';
import { useDisabledReasonText, useDiskActionStates } from './use-disk-action-states';
import { useRunDiskAction } from './use-run-disk-action';

interface ReInitDiskModalProps {
  readonly regionId: string;
  /** A disk In_use on a Stopped instance. */
  readonly disk: DiskSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/** What the disk returns to: its image (system disk), its source snapshot, or an empty disk. */
function returnsTo(disk: DiskSummary): 'image' | 'snapshot' | 'empty' {
  if (disk.Type === 'system') return 'image';
  return disk.SourceSnapshotId ? 'snapshot' : 'empty';
}

/**
 * Re-initialising returns a disk to the state it was created in, and every byte written since is
 * lost: the dialog says to what, asks for the disk ID, and refuses while the instance is not Stopped.
 */
export function ReInitDiskModal({ visible, ...props }: ReInitDiskModalProps) {
  return visible ? <ReInitDiskDialog {...props} /> : null;
}

function ReInitDiskDialog({ regionId, disk, onDismiss }: Omit<ReInitDiskModalProps, 'visible'>) {
  const { t } = useTranslation();
  const run = useRunDiskAction();
  const reasonText = useDisabledReasonText();
  const availability = useDiskActionStates(regionId, [disk]).reinit;
  const [autoStart, setAutoStart] = useState(false);
  const target = returnsTo(disk);
  return (
    <ConfirmByTypingModal
      header={t('disks.actions.reinit.title', { disk: diskLabel(disk) })}
      confirmationText={disk.DiskId}
      confirmButtonText={t('disks.actions.reinit.confirm')}
      confirmDisabled={!availability.enabled}
      onConfirm={() => {
        run(regionId, { action: 'reinit', autoStartInstance: autoStart }, [disk]);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <Alert type="warning">
        {t(`disks.actions.reinit.returnsTo.${target}`, {
          image: disk.ImageId,
          snapshot: disk.SourceSnapshotId,
        })}{' '}
        {t('disks.actions.reinit.dataLost')}
      </Alert>
      {!availability.enabled && <Alert type="error">{reasonText(availability)}</Alert>}
      <Box variant="p">{t('disks.actions.reinit.instance', { instance: disk.InstanceId })}</Box>
      <Checkbox
        checked={autoStart}
        onChange={({ detail }) => setAutoStart(detail.checked)}
        description={t('disks.actions.reinit.autoStartDescription')}
      >
        {t('disks.actions.reinit.autoStart')}
      </Checkbox>
    </ConfirmByTypingModal>
  );
}
