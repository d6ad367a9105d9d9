import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';
import { groupActionStates, groupDisabledReason } from '../logic/allowed-group-actions';
import { membersByGroup } from '../logic/group-row';
import { DeleteSecurityGroupsModal } from './DeleteSecurityGroupsModal';
import { EditSecurityGroupModal } from './EditSecurityGroupModal';

interface GroupPageActionsProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  /** The region's groups, for the references that keep a group from being deleted. */
  readonly groups: readonly SecurityGroupSummary[];
  /** The region's instances, for the members that keep it from being deleted; `undefined` until loaded. */
  readonly instances: readonly InstanceSummary[] | undefined;
}

/**
 * The group page's Edit and Delete: the list's dialogs and rules (admins; delete refused while
 * instances are inside or another group's rules name it), each saying why when it is disabled.
 * After a deletion the page turns into "not found" once the list no longer has the group.
 */
export function GroupPageActions({ regionId, group, groups, instances }: GroupPageActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [open, setOpen] = useState<'edit' | 'delete'>();
  const members = useMemo(() => instances && membersByGroup(instances), [instances]);
  const states = useMemo(
    () =>
      groupActionStates([group], {
        role: user.role,
        membersOf: (groupId) => (members ? (members.get(groupId) ?? []) : undefined),
        groups,
      }),
    [group, user.role, members, groups],
  );
  const close = () => setOpen(undefined);

  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        <Button
          disabled={!states.edit.enabled}
          disabledReason={groupDisabledReason(t, states.edit)}
          onClick={() => setOpen('edit')}
        >
          {t('securityGroups.actions.edit.button')}
        </Button>
        <Button
          disabled={!states.delete.enabled}
          disabledReason={groupDisabledReason(t, states.delete)}
          onClick={() => setOpen('delete')}
        >
          {t('securityGroups.actions.delete.button')}
        </Button>
      </SpaceBetween>
      <EditSecurityGroupModal regionId={regionId} group={group} visible={open === 'edit'} onDismiss={close} />
      <DeleteSecurityGroupsModal
        regionId={regionId}
        groups={[group]}
        availability={states.delete}
        visible={open === 'delete'}
        onDismiss={close}
      />
    </>
  );
}
