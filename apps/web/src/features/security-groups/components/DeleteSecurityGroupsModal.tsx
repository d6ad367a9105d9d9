import Alert from '@cloudscape-design/components/alert';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type BatchTexts, type RunningBatch } from '@/components/action-results';
import { ActionTargetList } from '@/components/ActionTargetList';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import { refreshRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { deleteSecurityGroups } from '../api/group-actions';
import { groupDisabledReason, type GroupActionAvailability } from '../logic/allowed-group-actions';

export interface DeleteSecurityGroupsModalProps {
  readonly regionId: string;
  readonly groups: readonly SecurityGroupSummary[];
  /** Whether the groups can be deleted (from allowed-group-actions): when not, the reason is said and nothing is sent. */
  readonly availability: GroupActionAvailability;
  readonly visible: boolean;
  readonly onDismiss: () => void;
  /** Targets the list does not show right now. */
  readonly notShownIds?: ReadonlySet<string>;
}

/**
 * Deleting removes groups and their rules for good. The user types the group ID (or, for several,
 * their number). ECS refuses a group with instances inside or named by another group's rules
 * (DependencyViolation); the console says so first, and shows ECS's refusal should it still come.
 */
export function DeleteSecurityGroupsModal({ visible, ...props }: DeleteSecurityGroupsModalProps) {
  return visible ? <DeleteSecurityGroupsDialog {...props} /> : null;
}

function DeleteSecurityGroupsDialog({
  regionId,
  groups,
  availability,
  onDismiss,
  notShownIds,
}: Omit<DeleteSecurityGroupsModalProps, 'visible'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reporter = useReportBatch();
  const only = groups.length === 1 ? groups[0] : undefined;
  const reason = groupDisabledReason(t, availability);

  const mutation = useMutation({
    mutationFn: ({ running }: { running: RunningBatch }) =>
      deleteSecurityGroups(regionId, groups, (done) => running.progress(done)),
    // On the mutation, not the dialog: results are reported once it has closed.
    onSuccess: (results, { running }) => running.finish(results),
    onSettled: () =>
      refreshRegionListItems(
        queryClient,
        SECURITY_GROUP_LIST,
        regionId,
        groups.map((group) => group.SecurityGroupId),
      ),
  });

  const texts: BatchTexts = {
    running: t('securityGroups.delete.running', { count: groups.length }),
    succeededCount: (count) => t('securityGroups.delete.succeededCount', { count }),
    succeededOne: (group) => t('securityGroups.delete.succeeded', { group }),
    failedOne: (group) => t('securityGroups.delete.failed', { group }),
  };

  return (
    <ConfirmByTypingModal
      header={t('securityGroups.delete.title', { count: groups.length })}
      confirmationText={only ? only.SecurityGroupId : String(groups.length)}
      confirmButtonText={t('securityGroups.delete.confirm')}
      confirmDisabled={!availability.enabled}
      onConfirm={() => {
        if (!availability.enabled) return;
        mutation.mutate({ running: reporter.start(texts, groups.length) });
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      {reason ? (
        <Alert type="error" header={t('securityGroups.delete.refused')}>
          {reason}
        </Alert>
      ) : (
        <Alert type="warning">{t('securityGroups.delete.warning', { count: groups.length })}</Alert>
      )}
      <ActionTargetList
        targets={groups.map((group) => ({ id: group.SecurityGroupId, name: group.SecurityGroupName }))}
        notShownIds={notShownIds}
        label={t('securityGroups.delete.targets', { count: groups.length })}
        moreLabel={(count) => t('securityGroups.delete.moreTargets', { count })}
      />
    </ConfirmByTypingModal>
  );
}
