import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SECURITY_GROUP_LIST } from '@/lib/region-list';
import { useCurrentSession } from '@/lib/session';
import { groupActionStates, groupDisabledReason, type GroupAction } from '../logic/allowed-group-actions';
import { membersByGroup } from '../logic/group-row';
import { CreateSecurityGroupModal } from './CreateSecurityGroupModal';
import { DeleteSecurityGroupsModal } from './DeleteSecurityGroupsModal';
import { EditSecurityGroupModal } from './EditSecurityGroupModal';

interface SecurityGroupActionsProps {
  readonly regionId: string;
  /** The groups to act on: the list's selection. */
  readonly selected: readonly SecurityGroupSummary[];
  /** The region's groups, for the references between them. */
  readonly groups: readonly SecurityGroupSummary[];
  /** The region's instances, for the groups' members; `undefined` until loaded. */
  readonly instances: readonly InstanceSummary[] | undefined;
  /** Selected groups the list does not show right now. */
  readonly notShownIds?: ReadonlySet<string>;
}

/**
 * The Security groups list's header: View, Edit, Delete and Create security group. Each is enabled
 * only when the user's role and the groups allow it, and says why when it is not (writes: admins;
 * delete: no instances inside and no other group's rules naming it).
 */
export function SecurityGroupActions({
  regionId,
  selected,
  groups,
  instances,
  notShownIds,
}: SecurityGroupActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [dialog, setDialog] = useState<GroupAction | null>(null);
  const dismiss = useCallback(() => setDialog(null), []);
  const members = useMemo(() => instances && membersByGroup(instances), [instances]);
  const states = useMemo(
    () =>
      groupActionStates(selected, {
        role: user.role,
        membersOf: (groupId) => (members ? (members.get(groupId) ?? []) : undefined),
        groups,
      }),
    [selected, user.role, members, groups],
  );
  const only = selected.length === 1 ? selected[0] : undefined;

  const button = (action: GroupAction, onClick: () => void, variant?: 'primary') => (
    <Button
      variant={variant}
      disabled={!states[action].enabled}
      disabledReason={groupDisabledReason(t, states[action])}
      onClick={onClick}
    >
      {t(`securityGroups.actions.${action}.button`)}
    </Button>
  );

  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        {button('view', () => only && void navigate(SECURITY_GROUP_LIST.pagePath(regionId, only.SecurityGroupId)))}
        {button('edit', () => setDialog('edit'))}
        {button('delete', () => setDialog('delete'))}
        {button('create', () => setDialog('create'), 'primary')}
      </SpaceBetween>
      <CreateSecurityGroupModal
        regionId={regionId}
        groups={groups}
        instances={instances}
        visible={dialog === 'create'}
        onDismiss={dismiss}
      />
      {only && (
        <EditSecurityGroupModal regionId={regionId} group={only} visible={dialog === 'edit'} onDismiss={dismiss} />
      )}
      <DeleteSecurityGroupsModal
        regionId={regionId}
        groups={selected}
        availability={states.delete}
        notShownIds={notShownIds}
        visible={dialog === 'delete'}
        onDismiss={dismiss}
      />
    </>
  );
}
