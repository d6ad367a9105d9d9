import { apiError, notFound } from '../../protocol/errors.js';
import { createSecurityGroup } from '../../store/factories.js';
import type { RegionState } from '../../store/types.js';
import { requireRegion, type ActionContext } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import type { RequestParams } from '../kit/params.js';
import { readNewTagPairs } from '../kit/tags.js';
import { GROUP_NAME, HTTP_PREFIX, MAX_GROUPS_PER_REGION, MAX_TAGS_ON_CREATE } from './limits.js';
import { requireGroup } from './lookup.js';

// CreateSecurityGroup / DeleteSecurityGroup ----------------------------------------------------------

/**
 * The VPC a new group goes into. The emulator models no classic network, so, as in regions where
 * only VPC is available, a group without VpcId is refused (403 InvalidVpcId.NotFound).
 */
function requireVpcId(region: RegionState, vpcId: string | undefined): string {
  if (vpcId === undefined) {
    throw apiError(403, 'InvalidVpcId.NotFound', 'VpcId is mandatory: this region only offers VPC security groups.');
  }
  if (!region.vpcs.some((vpc) => vpc.VpcId === vpcId)) throw notFound('InvalidVpcId.NotFound', 'VpcId', vpcId);
  return vpcId;
}

function readGroupDescription(params: RequestParams): string {
  const rule = { minLength: 2, maxLength: 256, code: 'InvalidDescription.Malformed' };
  const description = params.string('Description', rule) ?? '';
  if (HTTP_PREFIX.test(description)) {
    throw apiError(400, 'InvalidDescription.Malformed', 'The Description cannot start with http:// or https://.');
  }
  return description;
}

export function createSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { params, store } = context;
  const region = requireRegion(context);
  return idempotent(context, () => {
    const name = params.string('SecurityGroupName', {
      pattern: GROUP_NAME,
      code: 'InvalidSecurityGroupName.Malformed',
    });
    const description = readGroupDescription(params);
    const type = params.oneOf('SecurityGroupType', ['normal', 'enterprise'] as const) ?? 'normal';
    const vpcId = requireVpcId(region, params.string('VpcId'));
    const resourceGroupId = params.string('ResourceGroupId');
    if (resourceGroupId !== undefined) {
      throw notFound('InvalidResourceGroup.NotFound', 'ResourceGroupId', resourceGroupId);
    }
    const tags = readNewTagPairs(params);
    if (tags.length > MAX_TAGS_ON_CREATE) {
      throw apiError(
        400,
        'InvalidTagCount',
        `The specified tags are beyond the permitted range (${MAX_TAGS_ON_CREATE}).`,
      );
    }
    if (region.securityGroups.size >= MAX_GROUPS_PER_REGION) {
      throw apiError(
        403,
        'QuotaExceed.SecurityGroup',
        `A region can hold at most ${MAX_GROUPS_PER_REGION} security groups.`,
      );
    }
    // Like a real new group, it has no rules: basic groups let members talk to each other
    // (InnerAccessPolicy Accept), advanced ones isolate them; outbound traffic is implicitly allowed.
    const group = createSecurityGroup(store, region, {
      SecurityGroupName: name ?? '',
      Description: description,
      SecurityGroupType: type,
      VpcId: vpcId,
      createdAt: context.now,
      tags: Object.fromEntries(tags.map(({ Key, Value }) => [Key, Value])),
    });
    return { SecurityGroupId: group.SecurityGroupId };
  });
}

export function deleteSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const region = requireRegion(context);
  const group = requireGroup(region, context.params.requiredString('SecurityGroupId'));
  const id = group.SecurityGroupId;
  for (const instance of region.instances.values()) {
    if (instance.SecurityGroupIds.includes(id)) {
      throw apiError(403, 'DependencyViolation', `The security group ${id} still has instances in it.`);
    }
  }
  for (const other of region.securityGroups.values()) {
    if (other !== group && other.rules.some((rule) => rule.SourceGroupId === id || rule.DestGroupId === id)) {
      throw apiError(
        403,
        'DependencyViolation',
        `The security group ${id} is referenced by rules of ${other.SecurityGroupId}.`,
      );
    }
  }
  region.securityGroups.delete(id);
  context.store.unindex(id);
  return {};
}
