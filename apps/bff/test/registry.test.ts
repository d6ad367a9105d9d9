import { createRequire } from 'node:module';
import { ecsActions } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionRegistry } from '../src/registry/index.js';

// The official SDK's request models name every parameter an action takes. The SDK is a devDependency
// of ecs-client, so it is resolved from there.
interface SdkModel {
  names(): Record<string, string>;
}
const requireFromClient = createRequire(new URL('../../../packages/ecs-client/package.json', import.meta.url));
const sdk = requireFromClient('@alicloud/ecs20140526') as Record<string, SdkModel | undefined>;

function sdkNames(model: string): string[] {
  const found = sdk[model];
  if (!found) throw new Error(`the SDK has no ${model}`);
  return Object.values(found.names());
}

const READ_PREFIXES = /^(Describe|List|Get)/;
const OPERATOR_ACTIONS = new Set([
  'StartInstance',
  'StopInstance',
  'RebootInstance',
  'ModifyInstanceVncPasswd',
  'CreateSnapshot',
]);

const region = { RegionId: 'cn-hangzhou' };
const instance = { ...region, InstanceId: 'i-bp1abcdef0123' };
const disk = { ...region, DiskId: 'd-bp1abcdef0123' };
const group = { ...region, SecurityGroupId: 'sg-bp1abcdef0123' };

/** The least each action accepts. */
const minimalValid: Record<string, Record<string, unknown>> = {
  DescribeRegions: {},
  DescribeZones: region,
  DescribeInstances: region,
  DescribeInstanceStatus: region,
  StartInstance: instance,
  StopInstance: instance,
  RebootInstance: instance,
  DeleteInstance: instance,
  ModifyInstanceAttribute: instance,
  ModifyInstanceVncPasswd: { ...instance, VncPassword: 'Abc123' },
  GetInstanceScreenshot: instance,
  GetInstanceConsoleOutput: instance,
  DescribeInstanceMonitorData: { ...instance, StartTime: '2024-01-01T00:00:00Z', EndTime: '2024-01-01T01:00:00Z' },
  DescribeDisks: region,
  CreateDisk: { ...region, ZoneId: 'cn-hangzhou-h', Size: 20 },
  AttachDisk: { ...disk, InstanceId: 'i-bp1abcdef0123' },
  DetachDisk: { ...disk, InstanceId: 'i-bp1abcdef0123' },
  ResizeDisk: { ...disk, NewSize: 40 },
  DeleteDisk: disk,
  ModifyDiskAttribute: disk,
  ResetDisk: { ...disk, SnapshotId: 's-bp1abcdef0123' },
  ReInitDisk: disk,
  CreateSnapshot: disk,
  DescribeSnapshots: region,
  DeleteSnapshot: { ...region, SnapshotId: 's-bp1abcdef0123' },
  DescribeSecurityGroups: region,
  DescribeSecurityGroupAttribute: group,
  CreateSecurityGroup: region,
  DeleteSecurityGroup: group,
  AuthorizeSecurityGroup: group,
  AuthorizeSecurityGroupEgress: group,
  RevokeSecurityGroup: group,
  RevokeSecurityGroupEgress: group,
  ModifySecurityGroupRule: group,
  ModifySecurityGroupEgressRule: group,
  ModifySecurityGroupAttribute: group,
  ModifySecurityGroupPolicy: { ...group, InnerAccessPolicy: 'Drop' },
  JoinSecurityGroup: { ...group, InstanceId: 'i-bp1abcdef0123' },
  LeaveSecurityGroup: { ...group, InstanceId: 'i-bp1abcdef0123' },
  TagResources: { ...region, ResourceType: 'instance', ResourceId: ['i-bp1abcdef0123'], Tag: [{ Key: 'env' }] },
  UntagResources: { ...region, ResourceType: 'instance', ResourceId: ['i-bp1abcdef0123'], All: true },
  ListTagResources: { ...region, ResourceType: 'instance', ResourceId: ['i-bp1abcdef0123'] },
};

/** The object schema inside an optional array-of-objects field, if that is what the field is. */
function nestedObject(field: z.core.$ZodType): z.ZodObject | undefined {
  let inner = field;
  if (inner instanceof z.ZodOptional) inner = inner.unwrap();
  if (!(inner instanceof z.ZodArray)) return undefined;
  const element = inner.element;
  return element instanceof z.ZodObject ? element : undefined;
}

function parse(action: string, params: Record<string, unknown>) {
  const registered = actionRegistry[action];
  if (!registered) throw new Error(`${action} is not registered`);
  return registered.schema.safeParse(params);
}

const entries = Object.entries(actionRegistry);

describe('actionRegistry', () => {
  it('registers the console actions and leaves DescribeInstanceVncUrl out', () => {
    expect(entries.length).toBeGreaterThanOrEqual(39);
    expect(actionRegistry).not.toHaveProperty('DescribeInstanceVncUrl');
    expect(Object.keys(actionRegistry).sort()).toEqual(Object.keys(minimalValid).sort());
  });

  describe.each(entries)('%s', (action, registered) => {
    const shape = registered.schema.shape;
    const keys = Object.keys(shape);
    const minimal = minimalValid[action] ?? {};

    it('is an action of the client', () => {
      expect(Object.keys(ecsActions)).toContain(action);
      expect(action).not.toBe('DescribeInstanceVncUrl');
    });

    it('only names parameters of the SDK request model', () => {
      const names = sdkNames(`${action}Request`);
      const own = keys.filter((key) => !(key === 'RegionId' && registered.region === 'endpoint'));
      expect(own.filter((key) => !names.includes(key))).toEqual([]);
      expect(own.filter((key) => /^(Resource)?Owner(Id|Account)$/.test(key))).toEqual([]);
    });

    it('only names SDK parameters inside nested lists', () => {
      for (const key of keys) {
        const item = nestedObject(shape[key] as z.core.$ZodType);
        if (!item) continue;
        const names = sdkNames(`${action}Request${key}`);
        expect(
          Object.keys(item.shape).filter((name) => !names.includes(name)),
          key,
        ).toEqual([]);
      }
    });

    it('takes RegionId as the SDK does, and always requires it', () => {
      if (registered.region === 'none') {
        expect(keys).not.toContain('RegionId');
        return;
      }
      expect(sdkNames(`${action}Request`).includes('RegionId')).toBe(registered.region === 'param');
      const { RegionId: _omitted, ...withoutRegion } = minimal;
      expect(parse(action, withoutRegion).success).toBe(false);
    });

    it('is a read exactly when its name says so', () => {
      expect(registered.access === 'read').toBe(READ_PREFIXES.test(action));
      expect(ecsActions[action as keyof typeof ecsActions].kind).toBe(registered.access);
    });

    it('needs the least role the API documents', () => {
      const expected = registered.access === 'read' ? 'viewer' : OPERATOR_ACTIONS.has(action) ? 'operator' : 'admin';
      expect(registered.role).toBe(expected);
    });

    it('accepts its minimal input', () => {
      expect(minimalValid).toHaveProperty(action);
      const result = parse(action, minimal);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it('rejects unknown parameters by name', () => {
      const result = parse(action, { ...minimal, Bogus: 1 });
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((found) => found.code === 'unrecognized_keys');
      expect(issue?.code === 'unrecognized_keys' && issue.keys).toEqual(['Bogus']);
    });

    it('rejects unknown keys inside nested objects', () => {
      for (const key of keys) {
        const item = nestedObject(shape[key] as z.core.$ZodType);
        if (!item) continue;
        expect(item.safeParse({ Bogus: 1 }).success, key).toBe(false);
      }
    });

    it('declares secret parameters that exist', () => {
      for (const secret of registered.secretParams ?? []) expect(keys).toContain(secret);
    });
  });
});

describe('parameter values', () => {
  it.each([
    ['DescribeDisks', 'RegionId', { RegionId: 'CN_HANGZHOU' }],
    [
      'DescribeDisks',
      'DiskIds',
      { RegionId: 'cn-hangzhou', DiskIds: Array.from({ length: 101 }, (_, i) => `d-abcd${i}`) },
    ],
    ['DescribeDisks', 'DryRun', { RegionId: 'cn-hangzhou', DryRun: 'true' }],
    ['DescribeDisks', 'PageSize', { RegionId: 'cn-hangzhou', PageSize: 101 }],
    ['DescribeDisks', 'Status', { RegionId: 'cn-hangzhou', Status: 'Broken' }],
    ['CreateDisk', 'Size', { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-h', Size: '20' }],
    [
      'CreateDisk',
      'Tag',
      { RegionId: 'cn-hangzhou', Size: 20, Tag: Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}` })) },
    ],
    ['CreateDisk', 'Tag.0', { RegionId: 'cn-hangzhou', Size: 20, Tag: [{ Key: 'env', Bogus: 'x' }] }],
    ['CreateDisk', 'ClientToken', { RegionId: 'cn-hangzhou', Size: 20, ClientToken: 'x'.repeat(65) }],
    ['AttachDisk', 'InstanceId', { RegionId: 'cn-hangzhou', InstanceId: 'd-bp1abcdef0123', DiskId: 'd-bp1abcdef0123' }],
    ['ResizeDisk', 'NewSize', { RegionId: 'cn-hangzhou', DiskId: 'd-bp1abcdef0123', NewSize: 20.5 }],
    ['DeleteDisk', 'DiskId', { RegionId: 'cn-hangzhou' }],
    ['ReInitDisk', 'Password', { RegionId: 'cn-hangzhou', DiskId: 'd-bp1abcdef0123', Password: 'short' }],
    ['CreateSnapshot', 'RetentionDays', { RegionId: 'cn-hangzhou', DiskId: 'd-bp1abcdef0123', RetentionDays: 0 }],
    ['DescribeSnapshots', 'SnapshotIds', { RegionId: 'cn-hangzhou', SnapshotIds: 's-bp1abcdef0123' }],
    ['DescribeSecurityGroups', 'PageSize', { RegionId: 'cn-hangzhou', PageSize: 51 }],
    [
      'AuthorizeSecurityGroup',
      'Permissions.0.SourceCidrIp',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', Permissions: [{ SourceCidrIp: '10.0.0.0/33' }] },
    ],
    [
      'AuthorizeSecurityGroup',
      'Permissions.0',
      {
        RegionId: 'cn-hangzhou',
        SecurityGroupId: 'sg-bp1abcdef0123',
        Permissions: [{ DestGroupId: 'sg-bp1abcdef0123' }],
      },
    ],
    [
      'AuthorizeSecurityGroup',
      'Priority',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', Priority: 101 },
    ],
    [
      'AuthorizeSecurityGroup',
      'PortRange',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', PortRange: '22' },
    ],
    [
      'AuthorizeSecurityGroupEgress',
      '',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', SourceGroupId: 'sg-bp1abcdef0123' },
    ],
    [
      'RevokeSecurityGroup',
      'SecurityGroupRuleId',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', SecurityGroupRuleId: 'sgr-abcd' },
    ],
    [
      'TagResources',
      'ResourceId',
      {
        RegionId: 'cn-hangzhou',
        ResourceType: 'instance',
        ResourceId: Array(51).fill('i-abcd1234'),
        Tag: [{ Key: 'a' }],
      },
    ],
    ['TagResources', 'Tag', { RegionId: 'cn-hangzhou', ResourceType: 'instance', ResourceId: ['i-abcd1234'], Tag: [] }],
    [
      'TagResources',
      'ResourceType',
      { RegionId: 'cn-hangzhou', ResourceType: 'vpc', ResourceId: ['vpc-abcd1234'], Tag: [{ Key: 'a' }] },
    ],
    [
      'ListTagResources',
      'TagFilter.0',
      { RegionId: 'cn-hangzhou', ResourceType: 'disk', TagFilter: [{ TagKey: 'env', TagValues: ['a'], Extra: true }] },
    ],
  ])('%s rejects a bad %s', (action, path, params) => {
    const result = parse(action, params);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it.each([
    [
      'AuthorizeSecurityGroup',
      {
        RegionId: 'cn-hangzhou',
        SecurityGroupId: 'sg-bp1abcdef0123',
        Permissions: [
          { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Priority: '1', Policy: 'accept' },
          { IpProtocol: 'icmp', PortRange: '-1/-1', Ipv6SourceCidrIp: '2001:db8::/32', Priority: 100 },
          {
            IpProtocol: 'all',
            PortRange: '-1/-1',
            SourceGroupId: 'sg-bp1other0123',
            SourceGroupOwnerId: '1234567890123456',
          },
        ],
      },
    ],
    [
      'AuthorizeSecurityGroupEgress',
      {
        RegionId: 'cn-hangzhou',
        SecurityGroupId: 'sg-bp1abcdef0123',
        IpProtocol: 'tcp',
        PortRange: '1/65535',
        DestCidrIp: '0.0.0.0/0',
      },
    ],
    [
      'RevokeSecurityGroupEgress',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-bp1abcdef0123', SecurityGroupRuleId: ['sgr-bp1abcdef0123'] },
    ],
    [
      'DescribeDisks',
      {
        RegionId: 'cn-hangzhou',
        DiskIds: ['d-bp1abcdef0123'],
        Portable: true,
        Tag: [{ Key: 'env', Value: 'prod' }],
        Filter: [{ Key: 'CreationStartTime', Value: '2024-01-01T00:00Z' }],
        MaxResults: 500,
      },
    ],
    [
      'ListTagResources',
      { RegionId: 'cn-hangzhou', ResourceType: 'keypair', TagFilter: [{ TagKey: 'env', TagValues: ['prod', 'dev'] }] },
    ],
    [
      'UntagResources',
      { RegionId: 'cn-hangzhou', ResourceType: 'disk', ResourceId: ['d-bp1abcdef0123'], TagKey: ['env'] },
    ],
  ])('%s accepts %j', (action, params) => {
    const result = parse(action, params);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe('audit resources', () => {
  const resourcesOf = (action: string, params: Record<string, unknown>) => actionRegistry[action]?.resources(params);

  it('records the IDs an action touches', () => {
    expect(resourcesOf('AttachDisk', minimalValid.AttachDisk ?? {})).toEqual(['d-bp1abcdef0123', 'i-bp1abcdef0123']);
    expect(resourcesOf('ModifyDiskAttribute', { RegionId: 'cn-hangzhou', DiskIds: ['d-1abcd', 'd-2abcd'] })).toEqual([
      'd-1abcd',
      'd-2abcd',
    ]);
    expect(resourcesOf('RevokeSecurityGroup', { ...group, SecurityGroupRuleId: ['sgr-1abcd', 'sgr-2abcd'] })).toEqual([
      'sg-bp1abcdef0123',
      'sgr-1abcd',
      'sgr-2abcd',
    ]);
    expect(resourcesOf('TagResources', minimalValid.TagResources ?? {})).toEqual(['i-bp1abcdef0123']);
    expect(resourcesOf('DeleteSnapshot', minimalValid.DeleteSnapshot ?? {})).toEqual(['s-bp1abcdef0123']);
  });

  it('keeps passwords out of the log', () => {
    expect(actionRegistry.ReInitDisk?.secretParams).toEqual(['Password']);
    expect(actionRegistry.AttachDisk?.secretParams).toEqual(['Password']);
    expect(actionRegistry.ReInitDisk?.secretParams).not.toContain('KeyPairName');
  });
});
