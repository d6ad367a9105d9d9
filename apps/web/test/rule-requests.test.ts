import { describe, expect, it } from 'vitest';
import { newRuleRow, rowOfRule, type RuleRowForm } from '@/features/security-groups/logic/rule-form';
import { authorizeCall, modifyCall, permissionOf, revokeCalls } from '@/features/security-groups/logic/rule-requests';
import { group, rule } from './sg-rules-builders';

const REGION = 'cn-hangzhou';
const vpcGroup = group('sg-1', []);
const classicGroup = { ...group('sg-c', []), VpcId: '' };
const row = (fields: Partial<RuleRowForm>): RuleRowForm => ({
  ...newRuleRow('r'),
  ports: '22',
  peerValue: '10.0.0.0/8',
  ...fields,
});

describe('rows as Permissions', () => {
  it.each<[Partial<RuleRowForm>, 'ingress' | 'egress', Record<string, unknown>]>([
    [{ peerKind: 'ipv4', peerValue: ' 10.0.0.0/8 ' }, 'ingress', { SourceCidrIp: '10.0.0.0/8' }],
    [{ peerKind: 'ipv6', peerValue: '::/0' }, 'ingress', { Ipv6SourceCidrIp: '::/0' }],
    [{ peerKind: 'group', peerValue: 'sg-2' }, 'ingress', { SourceGroupId: 'sg-2' }],
    [{ peerKind: 'prefixList', peerValue: 'pl-1a' }, 'ingress', { SourcePrefixListId: 'pl-1a' }],
    [{ peerKind: 'ipv4', peerValue: '10.0.0.0/8' }, 'egress', { DestCidrIp: '10.0.0.0/8' }],
    [{ peerKind: 'ipv6', peerValue: '::/0' }, 'egress', { Ipv6DestCidrIp: '::/0' }],
    [{ peerKind: 'group', peerValue: 'sg-2' }, 'egress', { DestGroupId: 'sg-2' }],
    [{ peerKind: 'prefixList', peerValue: 'pl-1a' }, 'egress', { DestPrefixListId: 'pl-1a' }],
  ])('%j %s names only its one peer field', (fields, direction, peer) => {
    expect(permissionOf(row(fields), direction, vpcGroup)).toEqual({
      IpProtocol: 'tcp',
      PortRange: '22/22',
      Policy: 'accept',
      Priority: 1,
      NicType: 'intranet',
      ...peer,
    });
  });

  it('sends ECS’s policy words, the priority as a number, -1/-1 without ports, and a description when there is one', () => {
    const permission = permissionOf(
      row({ policy: 'drop', priority: ' 42 ', protocol: 'icmp', ports: '', description: ' ping ' }),
      'ingress',
      vpcGroup,
    );
    expect(permission).toMatchObject({ Policy: 'drop', Priority: 42, IpProtocol: 'icmp', PortRange: '-1/-1' });
    expect(permission.Description).toBe('ping');
    expect(permissionOf(row({ description: '  ' }), 'ingress', vpcGroup)).not.toHaveProperty('Description');
  });

  it('sets NicType intranet for VPC groups and for group peers, and leaves it to ECS otherwise', () => {
    expect(permissionOf(row({}), 'ingress', classicGroup)).not.toHaveProperty('NicType');
    expect(permissionOf(row({ peerKind: 'group', peerValue: 'sg-c2' }), 'ingress', classicGroup).NicType).toBe(
      'intranet',
    );
  });

  it('adds every row in one Authorize call of the direction', () => {
    const rows = [row({ key: 'a' }), row({ key: 'b', ports: '80' })];
    const inbound = authorizeCall(REGION, vpcGroup, 'ingress', rows);
    expect(inbound.action).toBe('AuthorizeSecurityGroup');
    expect(inbound.params).toMatchObject({ RegionId: REGION, SecurityGroupId: 'sg-1' });
    expect((inbound.params as { Permissions: unknown[] }).Permissions).toHaveLength(2);
    expect(authorizeCall(REGION, vpcGroup, 'egress', rows).action).toBe('AuthorizeSecurityGroupEgress');
  });
});

describe('revoking by rule ID', () => {
  it('sends one call per direction with every ID', () => {
    const rules = [
      rule({ id: 'sgr-a' }, 'sg-1'),
      rule({ id: 'sgr-b', ports: '80/80' }, 'sg-1'),
      rule({ id: 'sgr-e', direction: 'egress' }, 'sg-1'),
    ];
    expect(revokeCalls(REGION, 'sg-1', rules)).toEqual([
      {
        action: 'RevokeSecurityGroup',
        params: { RegionId: REGION, SecurityGroupId: 'sg-1', SecurityGroupRuleId: ['sgr-a', 'sgr-b'] },
      },
      {
        action: 'RevokeSecurityGroupEgress',
        params: { RegionId: REGION, SecurityGroupId: 'sg-1', SecurityGroupRuleId: ['sgr-e'] },
      },
    ]);
    expect(revokeCalls(REGION, 'sg-1', rules.slice(0, 1))).toHaveLength(1);
  });
});

describe('editing a rule by its ID', () => {
  const inbound = {
    ...rule({ id: 'sgr-1', ports: '22/22', peer: '10.0.0.0/8', priority: 5 }, 'sg-1'),
    description: 'ssh',
  };
  const original = rowOfRule(inbound);
  const edit = (fields: Partial<RuleRowForm>) => modifyCall(REGION, inbound, { ...original, ...fields }, original);

  it('sends nothing when nothing changed', () => {
    expect(edit({})).toBeUndefined();
    expect(edit({ priority: ' 5 ', description: 'ssh ' })).toBeUndefined();
  });

  it.each<[Partial<RuleRowForm>, Record<string, unknown>]>([
    [{ priority: '1' }, { Priority: 1 }],
    [{ policy: 'drop' }, { Policy: 'drop' }],
    [{ description: 'bastion' }, { Description: 'bastion' }],
    [{ peerValue: '192.168.0.0/16' }, { SourceCidrIp: '192.168.0.0/16' }],
    // ECS checks protocol and ports together.
    [{ ports: '2222' }, { IpProtocol: 'tcp', PortRange: '2222/2222' }],
    [
      { protocol: 'icmp', ports: '' },
      { IpProtocol: 'icmp', PortRange: '-1/-1' },
    ],
    [
      { priority: '3', policy: 'drop' },
      { Priority: 3, Policy: 'drop' },
    ],
  ])('%j sends only %j', (fields, changes) => {
    expect(edit(fields)).toEqual({
      action: 'ModifySecurityGroupRule',
      params: { RegionId: REGION, SecurityGroupId: 'sg-1', SecurityGroupRuleId: 'sgr-1', ...changes },
    });
  });

  it('edits an outbound rule with ModifySecurityGroupEgressRule and its Dest* fields', () => {
    const outbound = rule({ id: 'sgr-9', direction: 'egress', peer: 'sg-2' }, 'sg-1');
    const start = rowOfRule(outbound);
    expect(modifyCall(REGION, outbound, { ...start, peerValue: 'sg-3' }, start)).toEqual({
      action: 'ModifySecurityGroupEgressRule',
      params: { RegionId: REGION, SecurityGroupId: 'sg-1', SecurityGroupRuleId: 'sgr-9', DestGroupId: 'sg-3' },
    });
  });
});
