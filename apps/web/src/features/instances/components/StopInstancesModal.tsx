import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';
import { FormModal } from '@/components/FormModal';
import { ActionTargets } from './ActionTargets';

type StoppedMode = 'KeepCharging' | 'StopCharging';

interface StopInstancesModalProps {
  readonly instances: readonly InstanceSummary[];
  /** Targets the list does not show right now. */
  readonly notShown?: readonly InstanceSummary[];
  readonly onConfirm: (request: ActionRequest) => void;
  readonly onDismiss: () => void;
}

export function StopInstancesModal({ instances, notShown, onConfirm, onDismiss }: StopInstancesModalProps) {
  const { t } = useTranslation();
  const [forceStop, setForceStop] = useState(false);
  const [stoppedMode, setStoppedMode] = useState<StoppedMode>('KeepCharging');

  return (
    <FormModal
      header={t('actions.stop.title', { count: instances.length })}
      submitText={t('actions.stop.confirm')}
      onSubmit={() => onConfirm({ action: 'stop', forceStop, stoppedMode })}
      onDismiss={onDismiss}
    >
      <ActionTargets instances={instances} notShown={notShown} />
      <FormField label={t('actions.stop.stoppedMode')} description={t('actions.stop.stoppedModeDescription')}>
        <RadioGroup
          value={stoppedMode}
          onChange={({ detail }) => setStoppedMode(detail.value as StoppedMode)}
          items={[
            {
              value: 'KeepCharging',
              label: t('stoppedMode.KeepCharging'),
              description: t('actions.stop.keepChargingDescription'),
            },
            {
              value: 'StopCharging',
              label: t('stoppedMode.StopCharging'),
              description: t('actions.stop.stopChargingDescription'),
            },
          ]}
        />
      </FormField>
      <Checkbox
        checked={forceStop}
        onChange={({ detail }) => setForceStop(detail.checked)}
        description={t('actions.stop.forceDescription')}
      >
        {t('actions.stop.force')}
      </Checkbox>
    </FormModal>
  );
}
