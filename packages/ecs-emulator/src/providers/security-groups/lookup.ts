import { isoSeconds } from '../../clock.js';
import { notFound } from '../../protocol/errors.js';
import type { RegionState, RuleRecord, SecurityGroupRecord } from '../../store/types.js';
import { renderTags } from '../kit/tags.js';
import { INSTANCE_CAPACITY } from './limits.js';
import type { RuleFields } from './rule-fields.js';

// Lookups and rendering ------------------------------------------------------------------------------

export function requireGroup(region: RegionState, id: string): SecurityGroupRecord {
  const group = region.securityGroups.get(id);
  if (!group) throw notFound('InvalidSecurityGroupId.NotFound', 'SecurityGroupId', id);
  return group;
}

export function referencesGroup(rule: RuleFields): boolean {
  return rule.SourceGroupId !== '' || rule.DestGroupId !== '';
}

/** How many of the region's instances are members of each of `groupIds`, in one pass. */
export function countMembers(region: RegionState, groupIds: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of groupIds) counts.set(id, 0);
  for (const instance of region.instances.values()) {
    for (const id of instance.SecurityGroupIds) {
      const count = counts.get(id);
      if (count !== undefined) counts.set(id, count + 1);
    }
  }
  return counts;
}

export function renderGroup(group: SecurityGroupRecord, members: number): Record<string, unknown> {
  return {
    SecurityGroupId: group.SecurityGroupId,
    SecurityGroupName: group.SecurityGroupName,
    Description: group.Description,
    SecurityGroupType: group.SecurityGroupType,
    VpcId: group.VpcId,
    CreationTime: isoSeconds(group.createdAt),
    // The emulator has no resource groups: everything is in the account's default one.
    ResourceGroupId: '',
    AvailableInstanceAmount: Math.max(0, INSTANCE_CAPACITY[group.SecurityGroupType] - members),
    EcsCount: members,
    RuleCount: group.rules.length,
    GroupToGroupRuleCount: group.rules.filter(referencesGroup).length,
    ServiceManaged: false,
    Tags: renderTags(group.tags),
  };
}

export function renderPermission(rule: RuleRecord, region: RegionState): Record<string, unknown> {
  const nameOf = (id: string) => (id === '' ? '' : (region.securityGroups.get(id)?.SecurityGroupName ?? ''));
  return {
    SecurityGroupRuleId: rule.SecurityGroupRuleId,
    Direction: rule.Direction,
    IpProtocol: rule.IpProtocol,
    PortRange: rule.PortRange,
    SourcePortRange: rule.SourcePortRange,
    SourceCidrIp: rule.SourceCidrIp,
    Ipv6SourceCidrIp: rule.Ipv6SourceCidrIp,
    SourceGroupId: rule.SourceGroupId,
    SourceGroupName: nameOf(rule.SourceGroupId),
    SourceGroupOwnerAccount: rule.SourceGroupOwnerAccount,
    SourcePrefixListId: rule.SourcePrefixListId,
    SourcePrefixListName: '',
    DestCidrIp: rule.DestCidrIp,
    Ipv6DestCidrIp: rule.Ipv6DestCidrIp,
    DestGroupId: rule.DestGroupId,
    DestGroupName: nameOf(rule.DestGroupId),
    DestGroupOwnerAccount: rule.DestGroupOwnerAccount,
    DestPrefixListId: rule.DestPrefixListId,
    DestPrefixListName: '',
    PortRangeListId: '',
    PortRangeListName: '',
    Policy: rule.Policy,
    Priority: rule.Priority,
    NicType: rule.NicType,
    Description: rule.Description,
    CreateTime: isoSeconds(rule.createdAt),
  };
}
