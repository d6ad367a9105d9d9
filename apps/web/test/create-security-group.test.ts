import { describe, expect, it } from 'vitest';
import {
  adminOpenToInternet,
  createGroupRequest,
  groupEditChanges,
  isCreateGroupValid,
  knownVpcIds,
  validateCreateGroup,
  validateGroupEdit,
  type CreateGroupForm,
} from '@/features/security-groups/logic/create-group';
import {
  GROUP_TEMPLATES,
  hasAdministrativeRules,
  templateById,
  templatePermissions,
} from '@/features/security-groups/logic/group-templates';
import { makeInstance, makeSecurityGroup } from './fixtures';

const form: CreateGroupForm = {
  name: 'web-tier',
  description: '',
  vpcId: 'vpc-bp1vpc0001',
  type: 'basic',
  tags: [],
  template: 'empty',
  adminSource: '0.0.0.0/0',
};

describe('group templates', () => {
  it('Linux web server opens SSH from the chosen source, HTTP, HTTPS and ICMP from anywhere', () => {
    const permissions = templatePermissions(templateById('linuxWeb'), '203.0.113.0/24', true);
    expect(permissions.map((p) => [p.IpProtocol, p.PortRange, p.SourceCidrIp, p.Description])).toEqual([
      ['tcp', '22/22', '203.0.113.0/24', 'SSH'],
      ['tcp', '80/80', '0.0.0.0/0', 'HTTP'],
      ['tcp', '443/443', '0.0.0.0/0', 'HTTPS'],
      ['icmp', '-1/-1', '0.0.0.0/0', 'ICMP (IPv4)'],
    ]);
    expect(permissions.every((p) => p.Policy === 'accept' && p.Priority === 1 && p.NicType === 'intranet')).toBe(true);
  });

  it('Windows server opens RDP 3389 from the chosen source; Empty adds nothing', () => {
    const windows = templatePermissions(templateById('windows'), '198.51.100.7', false);
    expect(windows.map((p) => [p.PortRange, p.SourceCidrIp])).toEqual([
      ['3389/3389', '198.51.100.7'],
      ['80/80', '0.0.0.0/0'],
      ['443/443', '0.0.0.0/0'],
      ['-1/-1', '0.0.0.0/0'],
    ]);
    expect(windows.some((p) => 'NicType' in p)).toBe(false);
    expect(templatePermissions(templateById('empty'), '0.0.0.0/0', true)).toEqual([]);
    expect(GROUP_TEMPLATES.filter(hasAdministrativeRules).map((template) => template.id)).toEqual([
      'linuxWeb',
      'windows',
    ]);
  });
});

describe('create security group validation', () => {
  it('accepts a valid form and builds CreateSecurityGroup with the type and tags', () => {
    const valid = {
      ...form,
      description: 'front end',
      type: 'advanced' as const,
      tags: [{ key: 'env', value: 'prod' }],
    };
    expect(isCreateGroupValid(validateCreateGroup(valid))).toBe(true);
    expect(createGroupRequest(valid, 'cn-hangzhou')).toEqual({
      RegionId: 'cn-hangzhou',
      VpcId: 'vpc-bp1vpc0001',
      SecurityGroupName: 'web-tier',
      Description: 'front end',
      SecurityGroupType: 'enterprise',
      Tag: [{ Key: 'env', Value: 'prod' }],
    });
    expect(createGroupRequest(form, 'cn-hangzhou')).not.toHaveProperty('Description');
  });

  it('refuses names ECS refuses: length, first character, http(s)://, characters', () => {
    const nameError = (name: string) => validateCreateGroup({ ...form, name }).name;
    expect(nameError('')).toBe('required');
    expect(nameError('a')).toBe('length');
    expect(nameError('a'.repeat(129))).toBe('length');
    expect(nameError('1web')).toBe('start');
    expect(nameError('http://web')).toBe('http');
    expect(nameError('web tier')).toBe('characters');
    expect(nameError('web:tier_1.a-b')).toBeNull();
    expect(nameError('安全组')).toBeNull();
  });

  it('needs a VPC ID in ECS’s format', () => {
    expect(validateCreateGroup({ ...form, vpcId: '' }).vpcId).toBe('required');
    expect(validateCreateGroup({ ...form, vpcId: 'vpc_1' }).vpcId).toBe('format');
    expect(validateCreateGroup({ ...form, vpcId: 'VPC-ABC' }).vpcId).toBe('format');
    expect(validateCreateGroup({ ...form, vpcId: ' vpc-abc123 ' }).vpcId).toBeNull();
  });

  it('checks the administrative source only when the template has SSH or RDP, and flags the whole internet', () => {
    expect(validateCreateGroup({ ...form, adminSource: 'nonsense' }).adminSource).toBeNull();
    const linux = { ...form, template: 'linuxWeb' as const };
    expect(validateCreateGroup({ ...linux, adminSource: '' }).adminSource).toBe('required');
    expect(validateCreateGroup({ ...linux, adminSource: '10.0.0.0/33' }).adminSource).toBe('format');
    expect(validateCreateGroup({ ...linux, adminSource: '::/0' }).adminSource).toBe('format');
    expect(validateCreateGroup({ ...linux, adminSource: '10.0.0.0/8' }).adminSource).toBeNull();
    expect(adminOpenToInternet(linux)).toBe(true);
    expect(adminOpenToInternet({ ...linux, adminSource: '10.0.0.0/8' })).toBe(false);
    expect(adminOpenToInternet(form)).toBe(false);
  });

  it('checks tags with ECS’s rules', () => {
    const errors = validateCreateGroup({ ...form, tags: [{ key: 'aliyun:x', value: '' }] });
    expect(errors.tags.keys).toEqual(['reserved']);
    expect(isCreateGroupValid(errors)).toBe(false);
  });

  it('offers the VPCs of the region’s instances and groups, each once', () => {
    const instances = [
      makeInstance({ VpcAttributes: { ...makeInstance().VpcAttributes, VpcId: 'vpc-b' } }),
      makeInstance({ VpcAttributes: { ...makeInstance().VpcAttributes, VpcId: '' } }),
    ];
    const groups = [makeSecurityGroup({ VpcId: 'vpc-a' }), makeSecurityGroup({ VpcId: 'vpc-b' })];
    expect(knownVpcIds(instances, groups)).toEqual(['vpc-a', 'vpc-b']);
  });
});

describe('edit security group', () => {
  const group = { SecurityGroupName: 'web', Description: 'old' };

  it('sends only what changed, and says ECS cannot clear a name or description', () => {
    expect(groupEditChanges(group, { name: ' web ', description: 'old' })).toEqual({});
    expect(groupEditChanges(group, { name: 'web-2', description: 'new one' })).toEqual({
      SecurityGroupName: 'web-2',
      Description: 'new one',
    });
    expect(validateGroupEdit(group, { name: '', description: '' })).toEqual({
      name: 'cannotClear',
      description: 'cannotClear',
    });
    expect(validateGroupEdit(group, { name: '9lives', description: 'x' })).toEqual({
      name: 'start',
      description: 'length',
    });
  });
});
