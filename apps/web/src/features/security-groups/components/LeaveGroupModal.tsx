import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { ActionTargetList } from '@/components/ActionTargetList';
import { FormModal } from '@/components/FormModal';
import { useChangeMembership } from '../api/membership';

interface LeaveGroupModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  /** Members that can leave (each in at least one other group). */
  readonly instances: readonly InstanceSummary[];
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/**
 * Takes instances out of the group after confirmation, saying which groups each keeps: from then on
 * only those groups' rules apply to it.
 */
export function LeaveGroupModal({ visible, ...props }: LeaveGroupModalProps) {
  return visible ? <LeaveGroupDialog {...props} /> : null;
}

function LeaveGroupDialog({ regionId, group, instances, onDismiss }: Omit<LeaveGroupModalProps, 'visible'>) {
  const { t } = useTranslation();
  const changeMembership = useChangeMembership();
  const groupLabel = group.SecurityGroupName || group.SecurityGroupId;
  const targets = instances.map((instance) => ({
    id: instance.InstanceId,
    name: instance.InstanceName,
    detail: t('securityGroups.members.leaveDialog.keeps', {
      groups: (instance.SecurityGroupIds.SecurityGroupId ?? [])
        .filter((groupId) => groupId !== group.SecurityGroupId)
        .join(', '),
    }),
  }));

  return (
    <FormModal
      header={t('securityGroups.members.leaveDialog.title', { count: instances.length, group: groupLabel })}
      submitText={t('securityGroups.members.leaveDialog.confirm')}
      submitDisabled={instances.length === 0}
      onSubmit={() => {
        changeMembership({ regionId, groupId: group.SecurityGroupId, action: 'leave', instances });
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <Box variant="p">{t('securityGroups.members.leaveDialog.body', { group: groupLabel })}</Box>
      <ActionTargetList
        targets={targets}
        label={t('securityGroups.members.leaveDialog.targets', { count: instances.length })}
        moreLabel={(count) => t('securityGroups.members.leaveDialog.more', { count })}
      />
      <Alert type="warning">{t('securityGroups.members.leaveDialog.warning')}</Alert>
    </FormModal>
  );
}
