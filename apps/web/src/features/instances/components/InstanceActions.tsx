import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '@/lib/session';
import { ConnectButton } from '@/features/diagnostics';
import type { ActionRequest } from '../logic/action-requests';
import { actionAvailability, INSTANCE_ACTIONS, type InstanceAction } from '../logic/allowed-actions';
import { instanceHref } from '../paths';
import type { InstanceSummary } from '@ecs-console/contract';
import { DeleteInstancesModal } from './DeleteInstancesModal';
import { RebootInstancesModal } from './RebootInstancesModal';
import { StopInstancesModal } from './StopInstancesModal';
import { useRunInstanceAction } from './use-run-instance-action';

interface InstanceActionsProps {
  /** The instances to act on: the list's selection, or the one instance of the detail page. */
  readonly instances: readonly InstanceSummary[];
  /** Called when the user confirms an action, e.g. to leave the page of a deleted instance. */
  readonly onConfirmed?: (request: ActionRequest) => void;
}

type DialogAction = Exclude<InstanceAction, 'start'>;

function isInstanceAction(id: string): id is InstanceAction {
  return (INSTANCE_ACTIONS as readonly string[]).includes(id);
}

/**
 * Connect (the VNC console on the instance's Console tab), then start, stop, reboot and delete. Each item is enabled only when the user's role and every
 * instance's status allow it, and says why when it is not. Start runs at once; the others ask first.
 */
export function InstanceActions({ instances, onConfirmed }: InstanceActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const run = useRunInstanceAction();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const statuses = instances.map((instance) => instance.Status);

  const item = (action: InstanceAction): ButtonDropdownProps.Item => {
    const availability = actionAvailability(action, statuses, user.role);
    return {
      id: action,
      text: t(`actions.${action}.menuItem`),
      disabled: !availability.enabled,
      disabledReason: availability.enabled ? undefined : t(`actions.disabledReason.${availability.reason}`),
    };
  };

  const confirm = (request: ActionRequest) => {
    setDialog(null);
    run(request, instances);
    onConfirmed?.(request);
  };
  const dismiss = () => setDialog(null);

  const connect = () => {
    const instance = instances[0];
    if (instance) void navigate(`${instanceHref(instance.RegionId, instance.InstanceId)}?tab=console`);
  };

  return (
    <SpaceBetween direction="horizontal" size="xs">
      <ConnectButton statuses={statuses} onConnect={connect} />
      <ButtonDropdown
        items={INSTANCE_ACTIONS.map(item)}
        onItemClick={({ detail }) => {
          if (!isInstanceAction(detail.id)) return;
          if (detail.id === 'start') confirm({ action: 'start' });
          else setDialog(detail.id);
        }}
      >
        {t('actions.menu')}
      </ButtonDropdown>
      {dialog === 'stop' && <StopInstancesModal instances={instances} onConfirm={confirm} onDismiss={dismiss} />}
      {dialog === 'reboot' && <RebootInstancesModal instances={instances} onConfirm={confirm} onDismiss={dismiss} />}
      {dialog === 'delete' && <DeleteInstancesModal instances={instances} onConfirm={confirm} onDismiss={dismiss} />}
    </SpaceBetween>
  );
}
