import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import type { DiskSummary } from '@ecs-console/contract';
import type { DiskActionResult } from '../api/disk-actions';
import { diskLabel } from '../logic/disk-action-requests';
import { InstancePicker } from './InstancePicker';
import { useRunDiskAction } from './use-run-disk-action';

interface AttachDiskModalProps {
  readonly regionId: string;
  /** An Available, portable disk. */
  readonly disk: DiskSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
  /** Hears the result once ECS has answered (e.g. to refresh an instance's disks). */
  readonly onDone?: (results: readonly DiskActionResult[]) => void;
}

/** Attaches a disk to an instance of its zone that is Running or Stopped, picked from a searchable list. */
export function AttachDiskModal({ visible, ...props }: AttachDiskModalProps) {
  return visible ? <AttachDiskDialog {...props} /> : null;
}

function AttachDiskDialog({ regionId, disk, onDismiss, onDone }: Omit<AttachDiskModalProps, 'visible'>) {
  const { t } = useTranslation();
  const run = useRunDiskAction();
  const [instanceId, setInstanceId] = useState<string | undefined>();
  const [deleteWithInstance, setDeleteWithInstance] = useState(false);
  return (
    <FormModal
      header={t('disks.actions.attach.title', { disk: diskLabel(disk) })}
      submitText={t('disks.actions.attach.confirm')}
      submitDisabled={!instanceId}
      onSubmit={() => {
        if (!instanceId) return;
        run(regionId, { action: 'attach', instanceId, deleteWithInstance }, [disk], onDone);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <FormField label={t('disks.actions.attach.instance')} stretch>
        <InstancePicker
          regionId={regionId}
          zoneId={disk.ZoneId}
          selectedId={instanceId}
          onChange={(instance) => setInstanceId(instance.InstanceId)}
        />
      </FormField>
      <Checkbox
        checked={deleteWithInstance}
        onChange={({ detail }) => setDeleteWithInstance(detail.checked)}
        description={t('disks.actions.attach.deleteWithInstanceDescription')}
      >
        {t('disks.actions.attach.deleteWithInstance')}
      </Checkbox>
      <Alert type="info">{t('disks.actions.attach.afterAttach')}</Alert>
    </FormModal>
  );
}
