import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import type { ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';
import { ActionTargets } from './ActionTargets';

interface DeleteInstancesModalProps {
  readonly instances: readonly InstanceSummary[];
  /** Targets the list does not show right now. */
  readonly notShown?: readonly InstanceSummary[];
  readonly onConfirm: (request: ActionRequest) => void;
  readonly onDismiss: () => void;
}

/**
 * Deleting releases instances for good. The user types the instance ID (or, for several, their
 * number); running instances are only released with Force, which must be ticked explicitly.
 */
export function DeleteInstancesModal({ instances, notShown, onConfirm, onDismiss }: DeleteInstancesModalProps) {
  const { t } = useTranslation();
  const [force, setForce] = useState(false);
  const runningCount = instances.filter((instance) => instance.Status === 'Running').length;
  const confirmationText = instances.length === 1 && instances[0] ? instances[0].InstanceId : String(instances.length);

  return (
    <ConfirmByTypingModal
      header={t('actions.delete.title', { count: instances.length })}
      confirmationText={confirmationText}
      confirmButtonText={t('actions.delete.confirm')}
      confirmDisabled={runningCount > 0 && !force}
      onConfirm={() => onConfirm({ action: 'delete', force: runningCount > 0 && force })}
      onDismiss={onDismiss}
    >
      <Alert type="warning">{t('actions.delete.warning')}</Alert>
      <ActionTargets instances={instances} notShown={notShown} />
      {runningCount > 0 && (
        <Checkbox
          checked={force}
          onChange={({ detail }) => setForce(detail.checked)}
          description={t('actions.delete.forceDescription', { count: runningCount })}
        >
          {t('actions.delete.force')}
        </Checkbox>
      )}
    </ConfirmByTypingModal>
  );
}
