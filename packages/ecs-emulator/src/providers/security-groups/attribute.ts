import { requireRegion, type ActionContext } from '../kit/context.js';
import { pageByToken } from '../kit/pagination.js';
import { RULE_PAGES } from './limits.js';
import { renderPermission, requireGroup } from './lookup.js';

// DescribeSecurityGroupAttribute ---------------------------------------------------------------------

export function describeSecurityGroupAttribute(context: ActionContext): Record<string, unknown> {
  const { params } = context;
  const region = requireRegion(context);
  const group = requireGroup(region, params.requiredString('SecurityGroupId'));
  const direction = params.oneOf('Direction', ['ingress', 'egress', 'all'] as const) ?? 'all';
  const nicType = params.oneOf('NicType', ['internet', 'intranet'] as const, {
    code: 'InvalidNicType.ValueNotSupported',
  });
  const attribute = params.oneOf('Attribute', ['snapshotPolicyIds'] as const);
  const rules = group.rules.filter(
    (rule) =>
      (direction === 'all' || rule.Direction === direction) && (nicType === undefined || rule.NicType === nicType),
  );
  const page = pageByToken(rules, params, RULE_PAGES);
  return {
    RegionId: region.region.RegionId,
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    VpcId: group.VpcId,
    InnerAccessPolicy: group.InnerAccessPolicy,
    NextToken: page.fields.NextToken,
    Permissions: { Permission: page.items.map((rule) => renderPermission(rule, region)) },
    // The emulator has no automatic snapshot policies to associate.
    ...(attribute === 'snapshotPolicyIds' ? { SnapshotPolicyIds: { SnapshotPolicyId: [] } } : {}),
  };
}
