import { hasRole, type Role, type SecurityGroupSummary } from '@ecs-console/contract';
import type { TFunction } from 'i18next';
import { groupsReferencing, type GroupReference } from './group-references';
import type { GroupMember } from './group-row';
import { groupLabel } from './rule-requests';

export const GROUP_ACTIONS = ['create', 'view', 'edit', 'delete'] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

/** What the rules read of a group. */
export type RuledGroup = Pick<
  SecurityGroupSummary,
  'SecurityGroupId' | 'SecurityGroupName' | 'EcsCount' | 'ServiceManaged'
>;

export interface GroupRuleContext {
  readonly role: Role;
  /** Each group's member instances, from the region's instance list; `undefined` until it has loaded. */
  readonly membersOf: (groupId: string) => readonly GroupMember[] | undefined;
  /** The region's groups, to find the rules that refer to a group. */
  readonly groups: readonly SecurityGroupSummary[];
}

/**
 * Why ECS would refuse an action on a group: a group a cloud service manages is the service's
 * (`InvalidOperation.DeletionProtection` and the like); a group with instances inside, or one that
 * another group's rules name, cannot be deleted (`DependencyViolation`).
 */
type GroupRefusal = 'managed' | 'members' | 'referenced';

interface GroupActionRule {
  /** The least role, as the BFF's registry enforces it. */
  readonly role: Role;
  /** `none`: acts on no group (create); `single`: exactly one; `batch`: one or more. */
  readonly selection: 'none' | 'single' | 'batch';
  /** What ECS refuses it for, checked in this order. */
  readonly refusals: readonly GroupRefusal[];
}

/** The group's one rules table (DIGEST: CreateSecurityGroup, ModifySecurityGroupAttribute, DeleteSecurityGroup). */
export const GROUP_ACTION_RULES: Readonly<Record<GroupAction, GroupActionRule>> = {
  create: { role: 'admin', selection: 'none', refusals: [] },
  view: { role: 'viewer', selection: 'single', refusals: [] },
  edit: { role: 'admin', selection: 'single', refusals: ['managed'] },
  delete: { role: 'admin', selection: 'batch', refusals: ['managed', 'members', 'referenced'] },
};

export type GroupActionAvailability =
  | { readonly enabled: true }
  | { readonly enabled: false; readonly reason: 'role' | 'noSelection' | 'single' }
  | { readonly enabled: false; readonly reason: 'managed'; readonly groups: readonly RuledGroup[] }
  /** `members`: by group, the instances inside (names unknown until the instance list loads: only a count). */
  | {
      readonly enabled: false;
      readonly reason: 'members';
      readonly groups: readonly RuledGroup[];
      readonly members: ReadonlyMap<string, { readonly count: number; readonly instances: readonly GroupMember[] }>;
    }
  /** `references`: by group, the other groups whose rules name it. */
  | {
      readonly enabled: false;
      readonly reason: 'referenced';
      readonly groups: readonly RuledGroup[];
      readonly references: ReadonlyMap<string, readonly GroupReference[]>;
    };

function membersOf(group: RuledGroup, context: GroupRuleContext) {
  const instances = context.membersOf(group.SecurityGroupId);
  // Until the instance list loads, ECS's own count says whether the group holds instances.
  return { count: instances ? instances.length : (group.EcsCount ?? 0), instances: instances ?? [] };
}

function refusal(refusal: GroupRefusal, groups: readonly RuledGroup[], context: GroupRuleContext) {
  switch (refusal) {
    case 'managed': {
      const refused = groups.filter((group) => group.ServiceManaged === true);
      return refused.length > 0 ? ({ enabled: false, reason: 'managed', groups: refused } as const) : undefined;
    }
    case 'members': {
      const members = new Map(groups.map((group) => [group.SecurityGroupId, membersOf(group, context)]));
      const refused = groups.filter((group) => members.get(group.SecurityGroupId)!.count > 0);
      if (refused.length === 0) return undefined;
      return { enabled: false, reason: 'members', groups: refused, members } as const;
    }
    case 'referenced': {
      const references = new Map(
        groups.map((group) => [group.SecurityGroupId, groupsReferencing(context.groups, group.SecurityGroupId)]),
      );
      const refused = groups.filter((group) => references.get(group.SecurityGroupId)!.length > 0);
      if (refused.length === 0) return undefined;
      return { enabled: false, reason: 'referenced', groups: refused, references } as const;
    }
  }
}

/**
 * Whether an action can run on the selected groups: the user's role must allow it, the selection
 * must fit it, and every group must be free of what ECS refuses it for, so a batch delete never
 * half-fails by design and a disabled action says why (naming the instances and groups at fault).
 */
export function groupActionAvailability(
  action: GroupAction,
  groups: readonly RuledGroup[],
  context: GroupRuleContext,
): GroupActionAvailability {
  const rule = GROUP_ACTION_RULES[action];
  if (!hasRole(context.role, rule.role)) return { enabled: false, reason: 'role' };
  if (rule.selection !== 'none' && groups.length === 0) return { enabled: false, reason: 'noSelection' };
  if (rule.selection === 'single' && groups.length > 1) return { enabled: false, reason: 'single' };
  for (const listed of rule.refusals) {
    const refused = refusal(listed, groups, context);
    if (refused) return refused;
  }
  return { enabled: true };
}

export type GroupActionStates = Readonly<Record<GroupAction, GroupActionAvailability>>;

/** Every action's availability for the selected groups, as the list's header shows them. */
export function groupActionStates(groups: readonly RuledGroup[], context: GroupRuleContext): GroupActionStates {
  return Object.fromEntries(
    GROUP_ACTIONS.map((action) => [action, groupActionAvailability(action, groups, context)]),
  ) as Record<GroupAction, GroupActionAvailability>;
}

/** Names listed in a disabled action's reason; the rest are counted. */
const NAMES_SHOWN = 5;

function nameList(t: TFunction, names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN
    ? t('securityGroups.actions.andMore', { names: shown, count: names.length - NAMES_SHOWN })
    : shown;
}

const memberName = (member: GroupMember) => (member.name ? `${member.id} (${member.name})` : member.id);

/** Why an action is disabled, naming the instances inside and the groups whose rules refer to it. */
export function groupDisabledReason(t: TFunction, state: GroupActionAvailability): string | undefined {
  if (state.enabled) return undefined;
  switch (state.reason) {
    case 'role':
    case 'noSelection':
    case 'single':
      return t(`securityGroups.actions.disabledReason.${state.reason}`);
    case 'managed':
      return t('securityGroups.actions.disabledReason.managed', { groups: nameList(t, state.groups.map(groupLabel)) });
    case 'members':
      return state.groups
        .map((group) => {
          const { count, instances } = state.members.get(group.SecurityGroupId)!;
          return instances.length > 0
            ? t('securityGroups.actions.disabledReason.members', {
                group: groupLabel(group),
                count,
                instances: nameList(t, instances.map(memberName)),
              })
            : t('securityGroups.actions.disabledReason.membersCount', { group: groupLabel(group), count });
        })
        .join(' ');
    case 'referenced':
      return state.groups
        .map((group) =>
          t('securityGroups.actions.disabledReason.referenced', {
            group: groupLabel(group),
            groups: nameList(
              t,
              state.references.get(group.SecurityGroupId)!.map((ref) => groupLabel(ref.group)),
            ),
          }),
        )
        .join(' ');
  }
}
