import { apiError, missingParameter } from '../../protocol/errors.js';
import { requireRegion, type ActionContext } from '../kit/context.js';
import { idempotent } from '../kit/idempotency.js';
import { readGroupDescription, readGroupName } from './create-delete.js';
import { requireGroup } from './lookup.js';

// ModifySecurityGroupAttribute / ModifySecurityGroupPolicy -------------------------------------------

/** Name and description, validated as CreateSecurityGroup validates them; what is not sent stays. */
export function modifySecurityGroupAttributeAction(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  const group = requireGroup(region, params.requiredString('SecurityGroupId'));
  const name = readGroupName(params);
  const description = readGroupDescription(params, 'InvalidSecurityGroupDiscription.Malformed');
  if (name !== undefined) group.SecurityGroupName = name;
  if (description !== undefined) group.Description = description;
  return {};
}

/**
 * The intra-group policy of a basic group (Accept | Drop, any case). Advanced groups always isolate
 * their members and refuse the change; ECS documents that refusal as 404
 * InvalidParameter.InnerAccessPolicy.
 */
export function modifySecurityGroupPolicyAction(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  return idempotent(context, () => {
    const group = requireGroup(region, params.requiredString('SecurityGroupId'));
    const value = params.string('InnerAccessPolicy');
    if (value === undefined) throw missingParameter('InnerAccessPolicy');
    const policy = { accept: 'Accept', drop: 'Drop' }[value.toLowerCase()] as 'Accept' | 'Drop' | undefined;
    if (policy === undefined) {
      throw apiError(
        400,
        'InvalidPolicy.Malformed',
        "The InnerAccessPolicy is invalid. Only 'Accept' and 'Drop' are supported. Ignore case.",
      );
    }
    if (group.SecurityGroupType === 'enterprise') {
      throw apiError(
        404,
        'InvalidParameter.InnerAccessPolicy',
        "The InnerAccessPolicy attribute of enterprise level security group can't be modified.",
      );
    }
    group.InnerAccessPolicy = policy;
    return {};
  });
}
