import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import type { ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';
import { ActionTargets } from './ActionTargets';

interface StartInstancesModalProps {
  readonly instances: readonly InstanceSummary[];
  readonly notShown: readonly InstanceSummary[];
  readonly onConfirm: (request: ActionRequest) => void;
  readonly onDismiss: () => void;
}

/** Start runs at once, except when some of its targets are not in view: then the user sees them first. */
export function StartInstancesModal({ instances, notShown, onConfirm, onDismiss }: StartInstancesModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      header={t('feedback.start.title', { count: instances.length })}
      submitText={t('actions.start.menuItem')}
      onSubmit={() => onConfirm({ action: 'start' })}
      onDismiss={onDismiss}
    >
      <ActionTargets instances={instances} notShown={notShown} />
    </FormModal>
  );
}
