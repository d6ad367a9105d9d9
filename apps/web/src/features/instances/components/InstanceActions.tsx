import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '@/lib/session';
import { ConnectButton } from '@/features/diagnostics';
import { instanceLabel, type ActionRequest } from '../logic/action-requests';
import {
  actionAvailability,
  INSTANCE_ACTIONS,
  type ActionAvailability,
  type InstanceAction,
} from '../logic/allowed-actions';
import { instanceHref } from '../paths';
import type { InstanceSummary } from '@ecs-console/contract';
import { DeleteInstancesModal } from './DeleteInstancesModal';
import { RebootInstancesModal } from './RebootInstancesModal';
import { StartInstancesModal } from './StartInstancesModal';
import { StopInstancesModal } from './StopInstancesModal';
import { useRunInstanceAction } from './use-run-instance-action';

interface InstanceActionsProps {
  /** The instances to act on: the list's selection, or the one instance of the detail page. */
  readonly instances: readonly InstanceSummary[];
  /**
   * Selected instances the list does not show right now (another page, or hidden by the filter):
   * the dialogs say so, and Start asks first when any is among its targets.
   */
  readonly notShownIds?: ReadonlySet<string>;
  /** Called when the user confirms an action, e.g. to leave the page of a deleted instance. */
  readonly onConfirmed?: (request: ActionRequest) => void;
}

/** Refusals name at most this many instances; the count says how many more. */
const NAMED = 3;

function isInstanceAction(id: string): id is InstanceAction {
  return (INSTANCE_ACTIONS as readonly string[]).includes(id);
}

function useDisabledReason() {
  const { t } = useTranslation();
  return (availability: Exclude<ActionAvailability, { enabled: true }>): string => {
    if (!('instances' in availability)) return t(`actions.disabledReason.${availability.reason}`);
    const { instances } = availability;
    const names = instances.slice(0, NAMED).map(instanceLabel).join(', ');
    const more = instances.length - NAMED;
    return t(`feedback.refusal.${availability.reason}`, {
      count: instances.length,
      names: more > 0 ? t('feedback.refusal.andMore', { names, count: more }) : names,
    });
  };
}

/**
 * Connect (the VNC console on the instance's Console tab), then start, stop, reboot and delete. Each
 * item is enabled only when the user's role, every instance's status and the rules of ECS allow it
 * (a subscription, a lock, deletion protection), and says why when it is not. Start runs at once
 * unless some of its targets are not shown; the others ask first.
 */
export function InstanceActions({ instances, notShownIds, onConfirmed }: InstanceActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const navigate = useNavigate();
  const run = useRunInstanceAction();
  const disabledReason = useDisabledReason();
  const [dialog, setDialog] = useState<InstanceAction | null>(null);
  const statuses = instances.map((instance) => instance.Status);
  const notShown = notShownIds ? instances.filter((instance) => notShownIds.has(instance.InstanceId)) : [];

  const item = (action: InstanceAction): ButtonDropdownProps.Item => {
    const availability = actionAvailability(action, instances, user.role);
    return {
      id: action,
      text: t(`actions.${action}.menuItem`),
      disabled: !availability.enabled,
      disabledReason: availability.enabled ? undefined : disabledReason(availability),
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

  const dialogProps = { instances, notShown, onConfirm: confirm, onDismiss: dismiss };
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <ConnectButton statuses={statuses} onConnect={connect} />
      <ButtonDropdown
        items={INSTANCE_ACTIONS.map(item)}
        onItemClick={({ detail }) => {
          if (!isInstanceAction(detail.id)) return;
          if (detail.id === 'start' && notShown.length === 0) confirm({ action: 'start' });
          else setDialog(detail.id);
        }}
      >
        {t('actions.menu')}
      </ButtonDropdown>
      {dialog === 'start' && <StartInstancesModal {...dialogProps} />}
      {dialog === 'stop' && <StopInstancesModal {...dialogProps} />}
      {dialog === 'reboot' && <RebootInstancesModal {...dialogProps} />}
      {dialog === 'delete' && <DeleteInstancesModal {...dialogProps} />}
    </SpaceBetween>
  );
}
