import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { PermissionInput } from '@ecs-console/ecs-client';
import type { ItemResult } from '@/components/action-results';
import { callEcsAction, toApiError, type ApiError } from '@/lib/api-client';
import { mapWithConcurrency } from '@/lib/concurrency';
import type { CreateGroupParams } from '../logic/create-group';
import { groupLabel } from '../logic/rule-requests';

/** One ECS call made for a new group, as its report names it. */
export interface EcsStep {
  readonly action: 'CreateSecurityGroup' | 'AuthorizeSecurityGroup';
  readonly requestId: string;
}

/** What became of a create: the group exists once CreateSecurityGroup answered; its rules may have failed. */
export type CreatedGroup =
  | { readonly groupId: string; readonly steps: readonly EcsStep[]; readonly rules: 'none' | 'added' }
  | {
      readonly groupId: string;
      readonly steps: readonly EcsStep[];
      readonly rules: 'failed';
      readonly error: ApiError;
    };

/**
 * CreateSecurityGroup, then (when there are starting rules) AuthorizeSecurityGroup with them, each
 * with its own ClientToken. A refused CreateSecurityGroup throws; a refused AuthorizeSecurityGroup
 * leaves the group (ECS has made it) and is returned as `rules: 'failed'`.
 */
export async function createSecurityGroup(
  params: CreateGroupParams & { readonly ClientToken: string },
  permissions: readonly PermissionInput[],
): Promise<CreatedGroup> {
  const created = await callEcsAction('CreateSecurityGroup', params);
  const groupId = created.SecurityGroupId;
  const steps: EcsStep[] = [{ action: 'CreateSecurityGroup', requestId: created.RequestId }];
  if (permissions.length === 0) return { groupId, steps, rules: 'none' };
  try {
    const authorized = await callEcsAction('AuthorizeSecurityGroup', {
      RegionId: params.RegionId,
      SecurityGroupId: groupId,
      Permissions: [...permissions],
      // Derived from the create's, so the same request sent again adds the rules once.
      ClientToken: `${params.ClientToken}-rules`,
    });
    return {
      groupId,
      steps: [...steps, { action: 'AuthorizeSecurityGroup', requestId: authorized.RequestId }],
      rules: 'added',
    };
  } catch (error) {
    return { groupId, steps, rules: 'failed', error: toApiError(error) };
  }
}

export interface EditGroupParams {
  readonly RegionId: string;
  readonly SecurityGroupId: string;
  readonly SecurityGroupName?: string;
  readonly Description?: string;
}

/** ModifySecurityGroupAttribute; a refusal is a result to show, not an exception. */
export async function editSecurityGroup(params: EditGroupParams, label: string): Promise<ItemResult> {
  const base = { id: params.SecurityGroupId, label };
  try {
    const answer = await callEcsAction('ModifySecurityGroupAttribute', params);
    return { ...base, ok: true, requestId: answer.RequestId };
  } catch (error) {
    return { ...base, ok: false, error: toApiError(error) };
  }
}

/** Requests in flight at once for a batch delete. */
const DELETE_CONCURRENCY = 5;

/** DeleteSecurityGroup on each group; each refusal (ECS's DependencyViolation, say) is that group's result. */
export function deleteSecurityGroups(
  regionId: string,
  groups: readonly SecurityGroupSummary[],
  onProgress?: (done: number) => void,
): Promise<ItemResult[]> {
  let done = 0;
  return mapWithConcurrency(groups, DELETE_CONCURRENCY, async (group): Promise<ItemResult> => {
    const base = { id: group.SecurityGroupId, label: groupLabel(group) };
    try {
      const answer = await callEcsAction('DeleteSecurityGroup', {
        RegionId: regionId,
        SecurityGroupId: group.SecurityGroupId,
      });
      return { ...base, ok: true, requestId: answer.RequestId };
    } catch (error) {
      return { ...base, ok: false, error: toApiError(error) };
    } finally {
      onProgress?.(++done);
    }
  });
}
