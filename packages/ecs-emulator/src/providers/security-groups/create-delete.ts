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

/**
 * A group's Description: 2–256 characters, not starting with http(s)://. Create answers a bad one
 * with InvalidDescription.Malformed, ModifySecurityGroupAttribute with
 * InvalidSecurityGroupDiscription.Malformed (sic; D21).
 */
export function readGroupDescription(params: RequestParams, code: string): string | undefined {
  const description = params.string('Description', { minLength: 2, maxLength: 256, code });
  if (description !== undefined && HTTP_PREFIX.test(description)) {
    throw apiError(400, code, 'The Description cannot start with http:// or https://.');
  }
  return description;
}

/** A group's name: 2–128 characters, starting with a letter (the same rule for create and modify). */
export function readGroupName(params: RequestParams): string | undefined {
  return params.string('SecurityGroupName', { pattern: GROUP_NAME, code: 'InvalidSecurityGroupName.Malformed' });
}

export function createSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const { params, store } = context;
  const region = requireRegion(context);
  return idempotent(context, () => {
    const name = readGroupName(params);
    const description = readGroupDescription(params, 'InvalidDescription.Malformed') ?? '';
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

/** The first few IDs, and how many more: an error message stays short however many there are. */
function namedList(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

export function deleteSecurityGroupAction(context: ActionContext): Record<string, unknown> {
  const region = requireRegion(context);
  const group = requireGroup(region, context.params.requiredString('SecurityGroupId'));
  const id = group.SecurityGroupId;
  const members = [...region.instances.values()].filter((instance) => instance.SecurityGroupIds.includes(id));
  if (members.length > 0) {
    throw apiError(
      403,
      'DependencyViolation',
      `The security group ${id} still has ${members.length} instance(s) in it: ${namedList(members.map((i) => i.InstanceId))}.`,
    );
  }
  const referencing = [...region.securityGroups.values()].filter(
    (other) => other !== group && other.rules.some((rule) => rule.SourceGroupId === id || rule.DestGroupId === id),
  );
  if (referencing.length > 0) {
    throw apiError(
      403,
      'DependencyViolation',
      `The security group ${id} is referenced by rules of ${namedList(referencing.map((other) => other.SecurityGroupId))}.`,
    );
  }
  region.securityGroups.delete(id);
  context.store.unindex(id);
  return {};
}
