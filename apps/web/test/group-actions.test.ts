import type { Role } from '@ecs-console/contract';
import { describe, expect, it } from 'vitest';
import {
  groupActionAvailability,
  groupActionStates,
  groupDisabledReason,
  type GroupRuleContext,
} from '@/features/security-groups/logic/allowed-group-actions';
import { groupsReferencing, referencedGroupId } from '@/features/security-groups/logic/group-references';
import { makePermission, makeSecurityGroup } from './fixtures';

const empty = makeSecurityGroup({ SecurityGroupId: 'sg-empty', SecurityGroupName: 'empty' });
const busy = makeSecurityGroup({ SecurityGroupId: 'sg-busy', SecurityGroupName: 'busy', EcsCount: 2 });
const target = makeSecurityGroup({ SecurityGroupId: 'sg-target', SecurityGroupName: 'target' });
const referrer = makeSecurityGroup({
  SecurityGroupId: 'sg-ref',
  SecurityGroupName: 'app',
  Permissions: [
    makePermission({ SecurityGroupRuleId: 'sgr-in', SourceCidrIp: '', SourceGroupId: 'sg-target' }),
    makePermission({ SecurityGroupRuleId: 'sgr-self', SourceCidrIp: '', SourceGroupId: 'sg-ref' }),
  ],
});
const egressReferrer = makeSecurityGroup({
  SecurityGroupId: 'sg-out',
  Permissions: [makePermission({ Direction: 'egress', SourceCidrIp: '', DestGroupId: 'sg-target', DestCidrIp: '' })],
});
const managed = makeSecurityGroup({ SecurityGroupId: 'sg-managed', ServiceManaged: true });
const groups = [empty, busy, target, referrer, egressReferrer, managed];

const context = (role: Role = 'admin', loaded = true): GroupRuleContext => ({
  role,
  groups,
  membersOf: (groupId) =>
    loaded
      ? groupId === 'sg-busy'
        ? [
            { id: 'i-1', name: 'web-1' },
            { id: 'i-2', name: '' },
          ]
        : []
      : undefined,
});

// i18next's t, reduced to the key and its values, so the reasons can be read in assertions.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as Parameters<typeof groupDisabledReason>[0];

describe('group references', () => {
  it('finds the other groups whose inbound or outbound rules name the group, not the group itself', () => {
    expect(groupsReferencing(groups, 'sg-target').map((ref) => ref.group.SecurityGroupId)).toEqual([
      'sg-ref',
      'sg-out',
    ]);
    expect(groupsReferencing(groups, 'sg-target')[0]?.permissions.map((p) => p.SecurityGroupRuleId)).toEqual([
      'sgr-in',
    ]);
    expect(groupsReferencing(groups, 'sg-ref')).toEqual([]);
    expect(referencedGroupId(makePermission())).toBeUndefined();
  });
});

describe('allowed group actions', () => {
  it('lets only admins write; everyone may view one group', () => {
    for (const role of ['viewer', 'operator'] as const) {
      const states = groupActionStates([empty], context(role));
      expect(states.create).toEqual({ enabled: false, reason: 'role' });
      expect(states.edit).toEqual({ enabled: false, reason: 'role' });
      expect(states.delete).toEqual({ enabled: false, reason: 'role' });
      expect(states.view).toEqual({ enabled: true });
    }
    const admin = groupActionStates([empty], context());
    expect(Object.values(admin).every((state) => state.enabled)).toBe(true);
  });

  it('needs a selection for view, edit and delete, and exactly one for view and edit', () => {
    expect(groupActionAvailability('create', [], context())).toEqual({ enabled: true });
    expect(groupActionAvailability('delete', [], context())).toEqual({ enabled: false, reason: 'noSelection' });
    expect(groupActionAvailability('edit', [empty, target], context())).toEqual({ enabled: false, reason: 'single' });
    expect(groupActionAvailability('view', [empty, target], context())).toEqual({ enabled: false, reason: 'single' });
    expect(groupActionAvailability('delete', [empty, target].slice(0, 1), context()).enabled).toBe(true);
  });

  it('refuses to delete a group with instances inside, naming them', () => {
    const state = groupActionAvailability('delete', [empty, busy], context());
    expect(state.enabled).toBe(false);
    if (state.enabled || state.reason !== 'members') throw new Error(`unexpected ${JSON.stringify(state)}`);
    expect(state.groups.map((group) => group.SecurityGroupId)).toEqual(['sg-busy']);
    const reason = groupDisabledReason(t, state)!;
    expect(reason).toContain('securityGroups.actions.disabledReason.members');
    expect(reason).toContain('i-1 (web-1), i-2');
  });

  it('uses ECS’s instance count until the instance list has loaded', () => {
    const state = groupActionAvailability('delete', [busy], context('admin', false));
    expect(state).toMatchObject({ enabled: false, reason: 'members' });
    expect(groupDisabledReason(t, state)).toContain('membersCount');
    expect(groupActionAvailability('delete', [empty], context('admin', false)).enabled).toBe(true);
  });

  it('refuses to delete a group other groups’ rules refer to, naming those groups', () => {
    const state = groupActionAvailability('delete', [target], context());
    expect(state).toMatchObject({ enabled: false, reason: 'referenced' });
    expect(groupDisabledReason(t, state)).toContain('sg-ref (app), sg-out (web)');
  });

  it('leaves a group a cloud service manages to that service', () => {
    expect(groupActionAvailability('edit', [managed], context())).toMatchObject({ enabled: false, reason: 'managed' });
    expect(groupActionAvailability('delete', [managed], context())).toMatchObject({
      enabled: false,
      reason: 'managed',
    });
  });
});
