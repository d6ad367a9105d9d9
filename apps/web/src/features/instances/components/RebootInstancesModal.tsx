import Checkbox from '@cloudscape-design/components/checkbox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';
import { FormModal } from '@/components/FormModal';
import { ActionTargets } from './ActionTargets';

interface RebootInstancesModalProps {
  readonly instances: readonly InstanceSummary[];
  /** Targets the list does not show right now. */
  readonly notShown?: readonly InstanceSummary[];
  readonly onConfirm: (request: ActionRequest) => void;
  readonly onDismiss: () => void;
}

export function RebootInstancesModal({ instances, notShown, onConfirm, onDismiss }: RebootInstancesModalProps) {
  const { t } = useTranslation();
  const [forceStop, setForceStop] = useState(false);

  return (
    <FormModal
      header={t('actions.reboot.title', { count: instances.length })}
      submitText={t('actions.reboot.confirm')}
      onSubmit={() => onConfirm({ action: 'reboot', forceStop })}
      onDismiss={onDismiss}
    >
      <ActionTargets instances={instances} notShown={notShown} />
      <Checkbox
        checked={forceStop}
        onChange={({ detail }) => setForceStop(detail.checked)}
        description={t('actions.reboot.forceDescription')}
      >
        {t('actions.reboot.force')}
      </Checkbox>
    </FormModal>
  );
}
