import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type BatchTexts, type ItemResult, type RunningBatch } from '@/components/action-results';
import { callEcsAction, toApiError } from '@/lib/api-client';
import { mapWithConcurrency } from '@/lib/concurrency';
import { INSTANCE_LIST, refreshRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';

export type MembershipAction = 'join' | 'leave';

export interface MembershipBatch {
  readonly regionId: string;
  readonly groupId: string;
  readonly action: MembershipAction;
  readonly instances: readonly InstanceSummary[];
}

/** Requests in flight at once for a batch. */
const BATCH_CONCURRENCY = 5;

const instanceLabel = (instance: InstanceSummary) =>
  instance.InstanceName ? `${instance.InstanceId} (${instance.InstanceName})` : instance.InstanceId;

/** Puts one instance in the group or takes it out; a refusal is a result to show, not an exception. */
async function changeMembership(batch: MembershipBatch, instance: InstanceSummary): Promise<ItemResult> {
  const base = { id: instance.InstanceId, label: instanceLabel(instance) };
  const params = { RegionId: batch.regionId, SecurityGroupId: batch.groupId, InstanceId: instance.InstanceId };
  try {
    const response =
      batch.action === 'join'
        ? await callEcsAction('JoinSecurityGroup', params)
        : await callEcsAction('LeaveSecurityGroup', params);
    return { ...base, ok: true, requestId: response.RequestId };
  } catch (error) {
    return { ...base, ok: false, error: toApiError(error) };
  }
}

/**
 * Runs a join or leave for some instances and reports it as one batch that stays in view (each
 * instance's RequestId, or ECS's code, message and RequestId, e.g. `InstanceLastSecurityGroup`).
 * Then the group (its member count) and the instances (their groups) are asked for again, so the
 * group's members and the instances' pages follow. The callbacks live on the mutation, so results
 * are reported even when the page that started it has been left.
 */
export function useChangeMembership(): (batch: MembershipBatch, onDone?: () => void) => void {
  const { t } = useTranslation();
  const reporter = useReportBatch();
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: ({ batch, running }: { batch: MembershipBatch; running: RunningBatch; onDone?: () => void }) => {
      let done = 0;
      return mapWithConcurrency(batch.instances, BATCH_CONCURRENCY, async (instance) => {
        const result = await changeMembership(batch, instance);
        running.progress(++done);
        return result;
      });
    },
    onSuccess: (results, { running, onDone }) => {
      running.finish(results);
      onDone?.();
    },
    onSettled: async (_results, _error, { batch }) => {
      await Promise.all([
        refreshRegionListItems(queryClient, SECURITY_GROUP_LIST, batch.regionId, [batch.groupId]),
        refreshRegionListItems(
          queryClient,
          INSTANCE_LIST,
          batch.regionId,
          batch.instances.map((instance) => instance.InstanceId),
        ),
      ]);
    },
  });

  return useCallback(
    (batch, onDone) => {
      const { action } = batch;
      const texts: BatchTexts = {
        running: t(`securityGroups.members.${action}.running`, { count: batch.instances.length }),
        succeededCount: (count) => t(`securityGroups.members.${action}.succeededCount`, { count }),
        succeededOne: (instance) => t(`securityGroups.members.${action}.succeeded`, { instance }),
        failedOne: (instance) => t(`securityGroups.members.${action}.failed`, { instance }),
      };
      const running = reporter.start(texts, batch.instances.length);
      mutate({ batch, running, onDone });
    },
    [mutate, reporter, t],
  );
}

/** ECS's limit on the groups one instance (its primary NIC) can be in. */
export const MAX_GROUPS_PER_INSTANCE = 5;

export type JoinRefusal = 'member' | 'otherVpc' | 'status' | 'locked' | 'groupLimit';
export type LeaveRefusal = 'notMember' | 'lastGroup' | 'status' | 'locked';

const groupIdsOf = (instance: InstanceSummary) => instance.SecurityGroupIds.SecurityGroupId ?? [];
const changeableStatus = (instance: InstanceSummary) => instance.Status === 'Running' || instance.Status === 'Stopped';
const locked = (instance: InstanceSummary) => (instance.OperationLocks.LockReason ?? []).length > 0;

/**
 * Why ECS would refuse to put the instance in the group, if it would: already a member
 * (`InvalidInstanceId.AlreadyExists`), another VPC (`InvalidInstanceId.Mismatch`), not Running or
 * Stopped (`IncorrectInstanceStatus`), locked (`InstanceLockedForSecurity`), or already in five
 * groups (`InstanceSecurityGroupLimitExceeded`).
 */
export function joinRefusal(instance: InstanceSummary, group: SecurityGroupSummary): JoinRefusal | undefined {
  const groupIds = groupIdsOf(instance);
  if (groupIds.includes(group.SecurityGroupId)) return 'member';
  if ((instance.VpcAttributes.VpcId || '') !== (group.VpcId || '')) return 'otherVpc';
  if (!changeableStatus(instance)) return 'status';
  if (locked(instance)) return 'locked';
  if (groupIds.length >= MAX_GROUPS_PER_INSTANCE) return 'groupLimit';
  return undefined;
}

/**
 * Why ECS would refuse to take the instance out of the group, if it would: its last group
 * (`InstanceLastSecurityGroup`), not Running or Stopped, locked, or not a member.
 */
export function leaveRefusal(instance: InstanceSummary, groupId: string): LeaveRefusal | undefined {
  const groupIds = groupIdsOf(instance);
  if (!groupIds.includes(groupId)) return 'notMember';
  if (groupIds.length <= 1) return 'lastGroup';
  if (!changeableStatus(instance)) return 'status';
  if (locked(instance)) return 'locked';
  return undefined;
}
