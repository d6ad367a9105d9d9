import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { Permission } from '@ecs-console/ecs-client';

/** The group a rule names as its source (ingress) or destination (egress), if any. */
export function referencedGroupId(permission: Permission): string | undefined {
  const groupId = permission.Direction === 'egress' ? permission.DestGroupId : permission.SourceGroupId;
  return groupId || undefined;
}

/** A group whose rules name another, and the rules that do. */
export interface GroupReference {
  readonly group: SecurityGroupSummary;
  readonly permissions: readonly Permission[];
}

/**
 * The other groups whose rules name `groupId` as source or destination: ECS refuses to delete a
 * group while any does (DependencyViolation). A group's rules naming itself do not count.
 */
export function groupsReferencing(groups: readonly SecurityGroupSummary[], groupId: string): GroupReference[] {
  return groups.flatMap((group) => {
    if (group.SecurityGroupId === groupId) return [];
    const permissions = group.Permissions.filter((permission) => referencedGroupId(permission) === groupId);
    return permissions.length > 0 ? [{ group, permissions }] : [];
  });
}
