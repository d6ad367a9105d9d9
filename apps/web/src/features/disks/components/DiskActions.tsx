import Button from '@cloudscape-design/components/button';
import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { hasRole, type DiskSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';
import { INSTANCE_LIST, useRegionList } from '@/lib/region-list';
import type { DiskAction } from '../logic/allowed-disk-actions';
import { AttachDiskModal } from './AttachDiskModal';
import { CreateDiskModal } from './CreateDiskModal';
import { CreateSnapshotModal } from './CreateSnapshotModal';
import { DeleteDisksModal } from './DeleteDisksModal';
import { DetachDisksModal } from './DetachDisksModal';
import { ModifyDiskModal } from './ModifyDiskModal';
import { ReInitDiskModal } from './ReInitDiskModal';
import { ResetDiskModal } from './ResetDiskModal';
import { ResizeDiskModal } from './ResizeDiskModal';
import { useDisabledReasonText, useDiskActionStates } from './use-disk-action-states';

interface DiskActionsProps {
  readonly regionId: string;
  /** The disks to act on: the list's selection, or the one disk of the disk page. */
  readonly disks: readonly DiskSummary[];
  /** Selected disks the list does not show right now (another page, or hidden by the filter). */
  readonly notShownIds?: ReadonlySet<string>;
  /** `list`: the Disks list's header (with Create disk); `detail`: the disk page's. */
  readonly variant?: 'list' | 'detail';
}

/** The items of the Actions menu; attach, detach and snapshot are buttons of their own. */
const MENU_ACTIONS = ['resize', 'modify', 'reinit', 'reset', 'delete'] as const satisfies readonly DiskAction[];
type MenuAction = (typeof MENU_ACTIONS)[number];

type Dialog = DiskAction | 'create';

function isMenuAction(id: string): id is MenuAction {
  return (MENU_ACTIONS as readonly string[]).includes(id);
}

/**
 * The header of the Disks list and of the disk page: Create disk, Attach, Detach, Create snapshot
 * and the Actions menu (resize, modify attributes, re-initialise, roll back, delete). Each is
 * enabled only when the user's role, the disks' states and their instances' states allow it, and
 * says why when it is not; detach and delete take several disks, the others one.
 */
export function DiskActions({ regionId, disks, notShownIds, variant = 'list' }: DiskActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const states = useDiskActionStates(regionId, disks, { withSnapshots: variant === 'detail' });
  const reasonText = useDisabledReasonText();
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const dismiss = () => setDialog(null);
  const only = disks.length === 1 ? disks[0] : undefined;
  const instance = only?.InstanceId
    ? instances.data?.instances.find((candidate) => candidate.InstanceId === only.InstanceId)
    : undefined;
  const canCreate = hasRole(user.role, 'admin');

  const button = (action: 'attach' | 'detach' | 'createSnapshot') => (
    <Button
      disabled={!states[action].enabled}
      disabledReason={reasonText(states[action])}
      onClick={() => setDialog(action)}
    >
      {t(`disks.actions.${action}.button`)}
    </Button>
  );
  const item = (action: MenuAction): ButtonDropdownProps.Item => ({
    id: action,
    text: t(`disks.actions.${action}.menuItem`),
    disabled: !states[action].enabled,
    disabledReason: reasonText(states[action]),
  });

  // The dialogs sit beside the buttons, not in SpaceBetween, which would space out their empty slots.
  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        {button('attach')}
        {button('detach')}
        {button('createSnapshot')}
        <ButtonDropdown
          items={MENU_ACTIONS.map(item)}
          onItemClick={({ detail }) => {
            if (isMenuAction(detail.id)) setDialog(detail.id);
          }}
        >
          {t('disks.actions.menu')}
        </ButtonDropdown>
        {variant === 'list' && (
          <Button
            variant="primary"
            disabled={!canCreate}
            disabledReason={canCreate ? undefined : t('disks.actions.disabledReason.role')}
            onClick={() => setDialog('create')}
          >
            {t('disks.actions.create.button')}
          </Button>
        )}
      </SpaceBetween>
      <CreateDiskModal regionId={regionId} visible={dialog === 'create'} onDismiss={dismiss} />
      <DetachDisksModal
        regionId={regionId}
        disks={disks}
        notShownIds={notShownIds}
        visible={dialog === 'detach'}
        onDismiss={dismiss}
      />
      <DeleteDisksModal
        regionId={regionId}
        disks={disks}
        notShownIds={notShownIds}
        visible={dialog === 'delete'}
        onDismiss={dismiss}
      />
      {only && (
        <>
          <AttachDiskModal regionId={regionId} disk={only} visible={dialog === 'attach'} onDismiss={dismiss} />
          <ModifyDiskModal regionId={regionId} disk={only} visible={dialog === 'modify'} onDismiss={dismiss} />
          <ReInitDiskModal regionId={regionId} disk={only} visible={dialog === 'reinit'} onDismiss={dismiss} />
          <ResetDiskModal regionId={regionId} disk={only} visible={dialog === 'reset'} onDismiss={dismiss} />
          <ResizeDiskModal
            regionId={regionId}
            disk={only}
            instance={instance}
            visible={dialog === 'resize'}
            onDismiss={dismiss}
          />
          <CreateSnapshotModal
            regionId={regionId}
            disk={only}
            visible={dialog === 'createSnapshot'}
            onDismiss={dismiss}
          />
        </>
      )}
    </>
  );
}
