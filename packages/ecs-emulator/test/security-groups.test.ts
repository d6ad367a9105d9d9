import { beforeEach, describe, expect, it } from 'vitest';
import { createInstance, createRule, createSecurityGroup, createVpc } from '../src/store/factories.js';
import type { SecurityGroupRecord } from '../src/store/types.js';
import { START, expectApiError, testBed, type TestBed } from './support/test-bed.js';

interface GroupView {
  SecurityGroupId: string;
  SecurityGroupName: string;
  EcsCount: number;
  RuleCount: number;
  GroupToGroupRuleCount: number;
  AvailableInstanceAmount: number;
  Tags: { Tag: { TagKey: string; TagValue: string }[] };
}

interface PermissionView {
  SecurityGroupRuleId: string;
  Direction: string;
  IpProtocol: string;
  PortRange: string;
  SourceCidrIp: string;
  SourceGroupId: string;
  SourceGroupName: string;
  DestCidrIp: string;
  DestGroupId: string;
  DestGroupName: string;
  Policy: string;
  Priority: string;
  NicType: string;
  Description: string;
}

let bed: TestBed;
beforeEach(() => {
  bed = testBed();
});

function regionParams(params: Record<string, string> = {}): Record<string, string> {
  return { RegionId: bed.regionId, ...params };
}

function createGroup(params: Record<string, string> = {}): string {
  const body = bed.call('CreateSecurityGroup', regionParams({ VpcId: bed.vpc.VpcId, ...params }));
  return body.SecurityGroupId as string;
}

function group(id: string): SecurityGroupRecord {
  return bed.region.securityGroups.get(id)!;
}

function describeGroups(params: Record<string, string> = {}) {
  return bed.call('DescribeSecurityGroups', regionParams(params)) as {
    TotalCount: number;
    PageNumber?: number;
    PageSize?: number;
    NextToken?: string;
    SecurityGroups: { SecurityGroup: GroupView[] };
  };
}

function groupIds(params: Record<string, string> = {}): string[] {
  return describeGroups(params).SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId);
}

function permissions(groupId: string, params: Record<string, string> = {}): PermissionView[] {
  const body = bed.call('DescribeSecurityGroupAttribute', regionParams({ SecurityGroupId: groupId, ...params })) as {
    Permissions: { Permission: PermissionView[] };
  };
  return body.Permissions.Permission;
}

function authorize(groupId: string, params: Record<string, string>): void {
  bed.call('AuthorizeSecurityGroup', regionParams({ SecurityGroupId: groupId, ...params }));
}

function authorizeEgress(groupId: string, params: Record<string, string>): void {
  bed.call('AuthorizeSecurityGroupEgress', regionParams({ SecurityGroupId: groupId, ...params }));
}

const SSH = { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };

describe('CreateSecurityGroup', () => {
  it('creates a rule-less group in the VPC with its name, description, type and tags', () => {
    bed.clock.advance(5_000);
    const id = createGroup({
      SecurityGroupName: 'web-tier_1.a:b',
      Description: 'front end',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'empty',
    });
    expect(id).toMatch(/^sg-bp1[a-z0-9]{17}$/);
    const record = group(id);
    expect(record).toMatchObject({
      SecurityGroupName: 'web-tier_1.a:b',
      Description: 'front end',
      SecurityGroupType: 'normal',
      VpcId: bed.vpc.VpcId,
      InnerAccessPolicy: 'Accept',
      createdAt: START + 5_000,
      rules: [],
      tags: { env: 'prod', empty: '' },
    });
    expect(bed.store.regionOf(id)).toBe(bed.region);
  });

  it('makes advanced groups isolate their members', () => {
    const id = createGroup({ SecurityGroupType: 'enterprise' });
    expect(group(id)).toMatchObject({ SecurityGroupType: 'enterprise', InnerAccessPolicy: 'Drop' });
    expectApiError(() => createGroup({ SecurityGroupType: 'advanced' }), 400, 'InvalidParameter');
  });

  it('requires a VPC of the region', () => {
    expectApiError(() => bed.call('CreateSecurityGroup', regionParams()), 403, 'InvalidVpcId.NotFound');
    expectApiError(() => createGroup({ VpcId: 'vpc-nowhere' }), 404, 'InvalidVpcId.NotFound');
    expectApiError(() => bed.call('CreateSecurityGroup', { VpcId: bed.vpc.VpcId }), 400, 'MissingParameter');
    expectApiError(
      () => bed.call('CreateSecurityGroup', { RegionId: 'mars-1', VpcId: bed.vpc.VpcId }),
      404,
      'InvalidRegionId.NotFound',
    );
  });

  it('checks the name and description rules', () => {
    for (const name of ['1abc', 'a', 'http://x', 'has space', 'x'.repeat(129)]) {
      expectApiError(() => createGroup({ SecurityGroupName: name }), 400, 'InvalidSecurityGroupName.Malformed');
    }
    expect(group(createGroup({ SecurityGroupName: '安全组' })).SecurityGroupName).toBe('安全组');
    for (const description of ['a', 'http://example.com', 'd'.repeat(257)]) {
      expectApiError(() => createGroup({ Description: description }), 400, 'InvalidDescription.Malformed');
    }
  });

  it('checks the tag rules', () => {
    for (const key of ['aliyun-x', 'ACS:x', 'see http://x', 'k'.repeat(129)]) {
      expectApiError(() => createGroup({ 'Tag.1.Key': key, 'Tag.1.Value': 'v' }), 400, 'InvalidTagKey.Malformed');
    }
    expectApiError(() => createGroup({ 'Tag.1.Value': 'orphan' }), 400, 'InvalidTagKey.Malformed');
    expectApiError(
      () => createGroup({ 'Tag.1.Key': 'k', 'Tag.1.Value': 'https://x' }),
      400,
      'InvalidTagValue.Malformed',
    );
    expectApiError(
      () => createGroup({ 'Tag.1.Key': 'k', 'Tag.1.Value': 'a', 'Tag.2.Key': 'k', 'Tag.2.Value': 'b' }),
      400,
      'Duplicate.TagKey',
    );
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]));
    expectApiError(() => createGroup(many), 400, 'InvalidTagCount');
  });

  it('refuses resource groups, which the emulator does not have', () => {
    expectApiError(() => createGroup({ ResourceGroupId: 'rg-1' }), 404, 'InvalidResourceGroup.NotFound');
  });

  it('allows 100 groups per region', () => {
    for (let i = 0; i < 100; i++) createGroup();
    expectApiError(() => createGroup(), 403, 'QuotaExceed.SecurityGroup');
    expect(bed.region.securityGroups.size).toBe(100);
  });

  it('answers a repeated ClientToken with the first result and refuses it with other parameters', () => {
    const first = createGroup({ ClientToken: 'token-1', SecurityGroupName: 'one' });
    expect(createGroup({ ClientToken: 'token-1', SecurityGroupName: 'one' })).toBe(first);
    expect(bed.region.securityGroups.size).toBe(1);
    expectApiError(
      () => createGroup({ ClientToken: 'token-1', SecurityGroupName: 'two' }),
      400,
      'IdempotentParameterMismatch',
    );
    expect(createGroup({ ClientToken: 'token-2', SecurityGroupName: 'one' })).not.toBe(first);
  });
});

describe('DescribeSecurityGroups', () => {
  it('renders each group with its counts, times and tags', () => {
    const id = createGroup({
      SecurityGroupName: 'web',
      Description: 'front',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
    });
    const peer = createGroup();
    authorize(id, SSH);
    authorize(id, { IpProtocol: 'tcp', PortRange: '80/80', SourceGroupId: peer });
    authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    createInstance(bed.store, bed.region, { SecurityGroupIds: [id] });
    createInstance(bed.store, bed.region, { SecurityGroupIds: [id, peer] });
    const body = describeGroups({ SecurityGroupId: id });
    expect(body).toMatchObject({ RegionId: bed.regionId, TotalCount: 1, PageNumber: 1, PageSize: 10 });
    expect(body.SecurityGroups.SecurityGroup).toEqual([
      {
        SecurityGroupId: id,
        SecurityGroupName: 'web',
        Description: 'front',
        SecurityGroupType: 'normal',
        VpcId: bed.vpc.VpcId,
        CreationTime: '2024-05-01T00:00:00Z',
        ResourceGroupId: '',
        AvailableInstanceAmount: 1998,
        EcsCount: 2,
        RuleCount: 3,
        GroupToGroupRuleCount: 1,
        ServiceManaged: false,
        Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
      },
    ]);
  });

  it('lists groups in descending order of ID, following creations and deletions', () => {
    const ids = Array.from({ length: 5 }, () => createGroup());
    expect(groupIds()).toEqual([...ids].sort().reverse());
    bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: ids[2]! }));
    ids.splice(2, 1);
    expect(groupIds()).toEqual([...ids].sort().reverse());
    bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: ids[0]! }));
    ids[0] = createGroup();
    expect(groupIds()).toEqual([...ids].sort().reverse());
  });

  it('filters by IDs, name, VPC, network type, type and tags', () => {
    const otherVpc = createVpc(bed.store, bed.region);
    const a = createGroup({ SecurityGroupName: 'alpha', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' });
    const b = createGroup({
      SecurityGroupName: 'beta',
      SecurityGroupType: 'enterprise',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev',
    });
    const c = createGroup({ SecurityGroupName: 'alpha', VpcId: otherVpc.VpcId });
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    const sorted = (ids: string[]) => [...ids].sort().reverse();
    expect(groupIds({ SecurityGroupId: b })).toEqual([b]);
    expect(groupIds({ SecurityGroupIds: JSON.stringify([a, c, 'sg-none']) })).toEqual(sorted([a, c]));
    expect(groupIds({ SecurityGroupIds: JSON.stringify([a, c]), SecurityGroupId: b })).toEqual([]);
    expect(groupIds({ SecurityGroupName: 'alpha' })).toEqual(sorted([a, c]));
    expect(groupIds({ VpcId: otherVpc.VpcId })).toEqual([c]);
    expect(groupIds({ NetworkType: 'classic' })).toEqual([classic]);
    expect(groupIds({ NetworkType: 'vpc' })).toEqual(sorted([a, b, c]));
    expect(groupIds({ SecurityGroupType: 'enterprise' })).toEqual([b]);
    expect(groupIds({ 'Tag.1.Key': 'env' })).toEqual(sorted([a, b]));
    expect(groupIds({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' })).toEqual([b]);
    expect(groupIds({ ResourceGroupId: 'rg-1' })).toEqual([]);
    expect(groupIds({ ServiceManaged: 'true' })).toEqual([]);
    expect(groupIds({ ServiceManaged: 'false' })).toHaveLength(4);
  });

  it('validates its filters and honours DryRun', () => {
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `sg-${i}`));
    expectApiError(() => describeGroups({ SecurityGroupIds: tooMany }), 400, 'InvalidParameter');
    expectApiError(() => describeGroups({ SecurityGroupIds: 'sg-1' }), 400, 'InvalidParameter');
    expectApiError(() => describeGroups({ NetworkType: 'ipv6' }), 400, 'InvalidParameter');
    expectApiError(() => describeGroups({ DryRun: 'true' }), 400, 'DryRunOperation');
    expectApiError(() => bed.call('DescribeSecurityGroups', {}), 400, 'MissingParameter');
    expectApiError(() => bed.call('DescribeSecurityGroups', { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
  });

  it('pages by PageNumber and PageSize (default 10, at most 50)', () => {
    const ids = Array.from({ length: 23 }, () => createGroup())
      .sort()
      .reverse();
    expect(groupIds()).toEqual(ids.slice(0, 10));
    const third = describeGroups({ PageNumber: '3', PageSize: '10' });
    expect(third).toMatchObject({ TotalCount: 23, PageNumber: 3, PageSize: 10 });
    expect(third.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId)).toEqual(ids.slice(20));
    expect(groupIds({ PageSize: '50' })).toEqual(ids);
    expectApiError(() => describeGroups({ PageSize: '51' }), 400, 'InvalidParameter');
  });

  it('pages by NextToken and MaxResults', () => {
    const ids = Array.from({ length: 23 }, () => createGroup())
      .sort()
      .reverse();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const body = describeGroups({ MaxResults: '10', ...(token ? { NextToken: token } : {}) });
      seen.push(...body.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId));
      token = body.NextToken || undefined;
    } while (token);
    expect(seen).toEqual(ids);
    expect(describeGroups({ MaxResults: '500' }).SecurityGroups.SecurityGroup).toHaveLength(23);
  });
});

describe('DescribeSecurityGroupAttribute', () => {
  it('renders every rule field, group names resolved', () => {
    const id = createGroup({ SecurityGroupName: 'web', Description: 'front' });
    const peer = createGroup({ SecurityGroupName: 'db' });
    bed.clock.advance(61_000);
    authorize(id, {
      IpProtocol: 'TCP',
      PortRange: '3306/3306',
      SourceGroupId: peer,
      Priority: '5',
      Description: 'mysql',
    });
    authorizeEgress(id, { IpProtocol: 'icmp', DestCidrIp: '192.168.0.1', Policy: 'drop' });
    const body = bed.call('DescribeSecurityGroupAttribute', regionParams({ SecurityGroupId: id }));
    const rules = group(id).rules;
    expect(body).toEqual({
      RegionId: bed.regionId,
      SecurityGroupId: id,
      SecurityGroupName: 'web',
      Description: 'front',
      VpcId: bed.vpc.VpcId,
      InnerAccessPolicy: 'Accept',
      NextToken: '',
      Permissions: {
        Permission: [
          {
            SecurityGroupRuleId: rules[0]!.SecurityGroupRuleId,
            Direction: 'ingress',
            IpProtocol: 'TCP',
            PortRange: '3306/3306',
            SourcePortRange: '',
            SourceCidrIp: '',
            Ipv6SourceCidrIp: '',
            SourceGroupId: peer,
            SourceGroupName: 'db',
            SourceGroupOwnerAccount: '',
            SourcePrefixListId: '',
            SourcePrefixListName: '',
            DestCidrIp: '',
            Ipv6DestCidrIp: '',
            DestGroupId: '',
            DestGroupName: '',
            DestGroupOwnerAccount: '',
            DestPrefixListId: '',
            DestPrefixListName: '',
            PortRangeListId: '',
            PortRangeListName: '',
            Policy: 'Accept',
            Priority: '5',
            NicType: 'intranet',
            Description: 'mysql',
            CreateTime: '2024-05-01T00:01:01Z',
          },
          expect.objectContaining({
            SecurityGroupRuleId: rules[1]!.SecurityGroupRuleId,
            Direction: 'egress',
            IpProtocol: 'ICMP',
            PortRange: '-1/-1',
            DestCidrIp: '192.168.0.1',
            Policy: 'Drop',
            Priority: '1',
          }),
        ],
      },
    });
    expect(rules[0]!.SecurityGroupRuleId).toMatch(/^sgr-bp1[a-z0-9]{14}$/);
  });

  it('filters by direction and NIC type', () => {
    const id = createGroup();
    authorize(id, SSH);
    authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' });
    createRule(bed.store, bed.region, classic, { Direction: 'ingress', NicType: 'internet', SourceCidrIp: '1.1.1.1' });
    createRule(bed.store, bed.region, classic, { Direction: 'ingress', NicType: 'intranet', SourceCidrIp: '2.2.2.2' });
    expect(permissions(id, { Direction: 'ingress' }).map((p) => p.Direction)).toEqual(['ingress']);
    expect(permissions(id, { Direction: 'egress' }).map((p) => p.Direction)).toEqual(['egress']);
    expect(permissions(id, { Direction: 'all' })).toHaveLength(2);
    expect(permissions(classic.SecurityGroupId, { NicType: 'internet' }).map((p) => p.SourceCidrIp)).toEqual([
      '1.1.1.1',
    ]);
    expectApiError(() => permissions(id, { NicType: 'wan' }), 400, 'InvalidNicType.ValueNotSupported');
    expectApiError(() => permissions(id, { Direction: 'both' }), 400, 'InvalidParameter');
  });

  it('pages rules by NextToken (default 500, MaxResults 10–1000)', () => {
    const id = createGroup();
    for (let port = 1; port <= 25; port++) authorize(id, { ...SSH, PortRange: `${port}/${port}` });
    expect(permissions(id)).toHaveLength(25);
    const first = bed.call(
      'DescribeSecurityGroupAttribute',
      regionParams({ SecurityGroupId: id, MaxResults: '3' }),
    ) as {
      NextToken: string;
      Permissions: { Permission: PermissionView[] };
    };
    // Below the floor of 10, MaxResults is raised to 10.
    expect(first.Permissions.Permission.map((p) => p.PortRange)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${i + 1}/${i + 1}`),
    );
    const rest = permissions(id, { MaxResults: '100', NextToken: first.NextToken });
    expect(rest.map((p) => p.PortRange)[0]).toBe('11/11');
    expect(rest).toHaveLength(15);
  });

  it('reports unknown groups and missing parameters', () => {
    expectApiError(() => permissions('sg-nowhere'), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(() => bed.call('DescribeSecurityGroupAttribute', regionParams()), 400, 'MissingParameter');
  });

  it('adds the (empty) snapshot policy list when asked', () => {
    const id = createGroup();
    const body = bed.call(
      'DescribeSecurityGroupAttribute',
      regionParams({ SecurityGroupId: id, Attribute: 'snapshotPolicyIds' }),
    );
    expect(body.SnapshotPolicyIds).toEqual({ SnapshotPolicyId: [] });
  });
});

describe('DeleteSecurityGroup', () => {
  it('deletes the group with its rules and forgets its ID', () => {
    const id = createGroup();
    authorize(id, { IpProtocol: 'all', SourceGroupId: id });
    expect(bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: id }))).toEqual({});
    expect(bed.region.securityGroups.has(id)).toBe(false);
    expect(bed.store.regionOf(id)).toBeUndefined();
    expectApiError(
      () => bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: id })),
      404,
      'InvalidSecurityGroupId.NotFound',
    );
  });

  it('refuses while instances are members or other groups reference it', () => {
    const id = createGroup();
    const instance = createInstance(bed.store, bed.region, { SecurityGroupIds: [id] });
    expectApiError(
      () => bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: id })),
      403,
      'DependencyViolation',
    );
    instance.SecurityGroupIds = [];
    const other = createGroup();
    authorizeEgress(other, { IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: id });
    expectApiError(
      () => bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: id })),
      403,
      'DependencyViolation',
    );
    bed.call(
      'RevokeSecurityGroupEgress',
      regionParams({ SecurityGroupId: other, IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: id }),
    );
    bed.call('DeleteSecurityGroup', regionParams({ SecurityGroupId: id }));
    expect(bed.region.securityGroups.has(id)).toBe(false);
  });
});

describe('AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress', () => {
  let id: string;
  beforeEach(() => {
    id = createGroup();
  });

  it('adds a flat ingress rule with ECS defaults, forcing intranet in a VPC group', () => {
    bed.clock.advance(1_000);
    authorize(id, { ...SSH, NicType: 'internet', SourcePortRange: '1024/65535' });
    expect(group(id).rules).toEqual([
      expect.objectContaining({
        Direction: 'ingress',
        IpProtocol: 'TCP',
        PortRange: '22/22',
        SourcePortRange: '1024/65535',
        SourceCidrIp: '10.0.0.0/8',
        Policy: 'Accept',
        Priority: '1',
        NicType: 'intranet',
        Description: '',
        createdAt: START + 1_000,
      }),
    ]);
  });

  it('adds every rule of Permissions.N, case-insensitively', () => {
    authorize(id, {
      'Permissions.1.IpProtocol': 'UDP',
      'Permissions.1.PortRange': '53/53',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.1.Policy': 'Drop',
      'Permissions.2.IpProtocol': 'All',
      'Permissions.2.Ipv6SourceCidrIp': '2001:db8::/32',
      'Permissions.2.Policy': 'Allow',
      'Permissions.2.Priority': '100',
      'Permissions.3.IpProtocol': 'gre',
      'Permissions.3.PortRange': '-1/-1',
      'Permissions.3.SourceCidrIp': '10.1.0.0/16',
      'Permissions.3.DestCidrIp': '172.16.0.5',
      'Permissions.4.IpProtocol': 'icmpv6',
      'Permissions.4.Ipv6SourceCidrIp': '::/0',
    });
    expect(permissions(id).map((p) => [p.IpProtocol, p.PortRange, p.Policy, p.Priority, p.DestCidrIp])).toEqual([
      ['UDP', '53/53', 'Drop', '1', ''],
      ['ALL', '-1/-1', 'Accept', '100', ''],
      ['GRE', '-1/-1', 'Accept', '1', '172.16.0.5'],
      ['ICMPV6', '-1/-1', 'Accept', '1', ''],
    ]);
  });

  it('treats a rule that exists as success without adding it', () => {
    authorize(id, SSH);
    authorize(id, { ...SSH, IpProtocol: 'TCP', Priority: '7', Description: 'again' });
    authorize(id, {
      'Permissions.1.IpProtocol': 'tcp',
      'Permissions.1.PortRange': '80/80',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.2.IpProtocol': 'tcp',
      'Permissions.2.PortRange': '80/80',
      'Permissions.2.SourceCidrIp': '0.0.0.0/0',
    });
    expect(permissions(id).map((p) => [p.PortRange, p.Priority])).toEqual([
      ['22/22', '1'],
      ['80/80', '1'],
    ]);
    // Same fields in the other direction are another rule.
    authorizeEgress(id, { ...SSH, DestCidrIp: '10.0.0.0/8', SourceCidrIp: '' });
    expect(permissions(id)).toHaveLength(3);
  });

  it('lets a CIDR block win over a group', () => {
    const peer = createGroup();
    authorize(id, { ...SSH, SourceGroupId: peer });
    expect(permissions(id)[0]).toMatchObject({ SourceCidrIp: '10.0.0.0/8', SourceGroupId: '' });
  });

  it('adds group-to-group rules in both directions', () => {
    const peer = createGroup({ SecurityGroupName: 'peer' });
    authorize(id, {
      IpProtocol: 'tcp',
      PortRange: '1/65535',
      SourceGroupId: peer,
      SourceGroupOwnerAccount: 'me@example.com',
    });
    authorizeEgress(id, { IpProtocol: 'all', DestGroupId: peer });
    expect(
      permissions(id).map((p) => [p.Direction, p.SourceGroupId, p.SourceGroupName, p.DestGroupId, p.DestGroupName]),
    ).toEqual([
      ['ingress', peer, 'peer', '', ''],
      ['egress', '', '', peer, 'peer'],
    ]);
  });

  it('validates the protocol and port ranges', () => {
    expectApiError(() => authorize(id, { ...SSH, IpProtocol: 'sctp' }), 400, 'InvalidIpProtocol.ValueNotSupported');
    expectApiError(() => authorize(id, { PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' }), 400, 'MissingParameter');
    expectApiError(() => authorize(id, { IpProtocol: 'tcp', SourceCidrIp: '10.0.0.0/8' }), 400, 'MissingParameter');
    for (const range of ['22', '200/1', '0/22', '1/65536', 'a/b']) {
      expectApiError(() => authorize(id, { ...SSH, PortRange: range }), 400, 'InvalidIpPortRange.Malformed');
      expectApiError(
        () => authorizeEgress(id, { IpProtocol: 'tcp', PortRange: range, DestCidrIp: '10.0.0.0/8' }),
        400,
        'InvalidParam.PortRange',
      );
    }
    expectApiError(() => authorize(id, { ...SSH, IpProtocol: 'icmp' }), 400, 'OperationDenied');
    expectApiError(() => authorize(id, { ...SSH, PortRange: '-1/-1' }), 400, 'OperationDenied');
    expectApiError(() => authorize(id, { ...SSH, SourcePortRange: '9/1' }), 400, 'InvalidSourcePortRange.Malformed');
    expectApiError(
      () => authorize(id, { ...SSH, PortRangeListId: 'prl-1', PortRange: '' }),
      404,
      'InvalidPortRangeListId.NotFound',
    );
    expect(group(id).rules).toEqual([]);
  });

  it('requires one authorization object and checks addresses', () => {
    expectApiError(() => authorize(id, { IpProtocol: 'all' }), 400, 'MissingParameter.Source');
    expectApiError(
      () => authorizeEgress(id, { IpProtocol: 'all', SourceCidrIp: '10.0.0.0/8' }),
      400,
      'MissingParameter.Dest',
    );
    for (const cidr of ['10.0.0.0/33', '10.0.0', '300.1.1.1', 'abc']) {
      expectApiError(() => authorize(id, { ...SSH, SourceCidrIp: cidr }), 400, 'InvalidSourceCidrIp.Malformed');
      expectApiError(
        () => authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: cidr }),
        400,
        'InvalidDestCidrIp.Malformed',
      );
    }
    expectApiError(() => authorize(id, { ...SSH, DestCidrIp: '1.2.3' }), 400, 'InvalidDestCidrIp.Malformed');
    expectApiError(
      () => authorize(id, { ...SSH, SourceCidrIp: '', Ipv6SourceCidrIp: '2001:zz::/32' }),
      400,
      'InvalidParam.Ipv6SourceCidrIp',
    );
    expectApiError(() => authorize(id, { ...SSH, Ipv6SourceCidrIp: '::/0' }), 400, 'InvalidParam.SourceIp');
    expectApiError(
      () => authorize(id, { ...SSH, SourceCidrIp: '', Ipv6SourceCidrIp: '::/0', DestCidrIp: '10.0.0.1' }),
      400,
      'InvalidParameter.Conflict',
    );
    expectApiError(
      () => authorize(id, { IpProtocol: 'icmp', Ipv6SourceCidrIp: '::/0' }),
      400,
      'InvalidParam.Ipv4ProtocolConflictWithIpv6Address',
    );
    expectApiError(
      () => authorize(id, { IpProtocol: 'icmpv6', SourceCidrIp: '0.0.0.0/0' }),
      400,
      'InvalidParam.Ipv6ProtocolConflictWithIpv4Address',
    );
    expectApiError(
      () => authorize(id, { IpProtocol: 'all', SourcePrefixListId: 'pl-1' }),
      404,
      'InvalidPrefixListId.NotFound',
    );
  });

  it('checks referenced groups', () => {
    expectApiError(
      () => authorize(id, { IpProtocol: 'all', SourceGroupId: 'sg-nowhere' }),
      404,
      'InvalidSourceGroupId.NotFound',
    );
    expectApiError(
      () => authorizeEgress(id, { IpProtocol: 'all', DestGroupId: 'sg-nowhere' }),
      404,
      'InvalidDestGroupId.NotFound',
    );
    const elsewhere = createGroup({ VpcId: createVpc(bed.store, bed.region).VpcId });
    expectApiError(
      () => authorize(id, { IpProtocol: 'all', SourceGroupId: elsewhere }),
      400,
      'InvalidSourceGroupId.Mismatch',
    );
    const advanced = createGroup({ SecurityGroupType: 'enterprise' });
    expectApiError(() => authorize(advanced, { IpProtocol: 'all', SourceGroupId: id }), 400, 'InvalidParameter');
    authorize(advanced, SSH);
    expect(group(advanced).rules).toHaveLength(1);
  });

  it('validates policy, priority, NIC type and description', () => {
    expectApiError(() => authorize(id, { ...SSH, Policy: 'deny' }), 400, 'InvalidPolicy.Malformed');
    expectApiError(() => authorize(id, { ...SSH, Priority: 'high' }), 400, 'InvalidPriority.Malformed');
    for (const priority of ['0', '101']) {
      expectApiError(() => authorize(id, { ...SSH, Priority: priority }), 400, 'InvalidPriority.ValueNotSupported');
    }
    expectApiError(() => authorize(id, { ...SSH, NicType: 'wan' }), 400, 'InvalidNicType.ValueNotSupported');
    expectApiError(
      () => authorize(id, { ...SSH, Description: 'x'.repeat(513) }),
      400,
      'InvalidSecurityGroupDiscription.Malformed',
    );
    expectApiError(
      () => authorize(id, { ...SSH, Description: 'https://x' }),
      400,
      'InvalidSecurityGroupDiscription.Malformed',
    );
  });

  it('names the Permissions entry in errors and adds nothing when one rule is bad', () => {
    let message = '';
    try {
      authorize(id, {
        'Permissions.1.IpProtocol': 'tcp',
        'Permissions.1.PortRange': '22/22',
        'Permissions.1.SourceCidrIp': '10.0.0.0/8',
        'Permissions.2.PortRange': '80/80',
        'Permissions.2.SourceCidrIp': '10.0.0.0/8',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Permissions.2.IpProtocol');
    expect(group(id).rules).toEqual([]);
    expectApiError(
      () => authorize(id, { ...SSH, 'Permissions.1.IpProtocol': 'tcp', 'Permissions.1.PortRange': '80/80' }),
      400,
      'InvalidParameter',
    );
  });

  it('applies classic-network NIC rules', () => {
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    const classicPeer = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    authorize(classic, SSH);
    expect(permissions(classic)[0]!.NicType).toBe('internet');
    expectApiError(
      () => authorize(classic, { IpProtocol: 'all', SourceGroupId: classicPeer }),
      403,
      'InvalidSourceGroupId.Mismatch',
    );
    authorize(classic, { IpProtocol: 'all', SourceGroupId: classicPeer, NicType: 'intranet' });
    expect(permissions(classic)[1]).toMatchObject({ NicType: 'intranet', SourceGroupId: classicPeer });
  });

  it('allows 200 rules per group', () => {
    for (let port = 1; port <= 100; port++) authorize(id, { ...SSH, PortRange: `${port}/${port}` });
    for (let port = 1; port <= 100; port++)
      authorizeEgress(id, { IpProtocol: 'tcp', PortRange: `${port}/${port}`, DestCidrIp: '0.0.0.0/0' });
    authorize(id, { ...SSH, PortRange: '1/1' });
    expectApiError(() => authorize(id, { ...SSH, PortRange: '101/101' }), 403, 'AuthorizationLimitExceed');
    expect(group(id).rules).toHaveLength(200);
  });

  it('lets a basic group reference at most 20 groups', () => {
    const peers = Array.from({ length: 21 }, () => createGroup());
    for (const peer of peers.slice(0, 20)) authorize(id, { IpProtocol: 'all', SourceGroupId: peer });
    authorizeEgress(id, { IpProtocol: 'all', DestGroupId: peers[0]! });
    expectApiError(
      () => authorize(id, { IpProtocol: 'all', SourceGroupId: peers[20]! }),
      403,
      'AuthorizationLimitExceed',
    );
    expect(group(id).rules).toHaveLength(21);
  });

  it('remembers ClientToken', () => {
    authorize(id, { ...SSH, ClientToken: 't1' });
    bed.call('RevokeSecurityGroup', regionParams({ SecurityGroupId: id, ...SSH }));
    // The retry answers the remembered success without adding the rule again.
    authorize(id, { ...SSH, ClientToken: 't1' });
    expect(group(id).rules).toEqual([]);
    expectApiError(
      () => authorize(id, { ...SSH, PortRange: '23/23', ClientToken: 't1' }),
      400,
      'IdempotentParameterMismatch',
    );
  });

  it('reports unknown groups and regions', () => {
    expectApiError(() => authorize('sg-nowhere', SSH), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(
      () => bed.call('AuthorizeSecurityGroup', { RegionId: 'mars-1', SecurityGroupId: id, ...SSH }),
      404,
      'InvalidRegionId.NotFound',
    );
    expectApiError(() => bed.call('AuthorizeSecurityGroup', regionParams(SSH)), 400, 'MissingParameter');
  });
});

describe('RevokeSecurityGroup / RevokeSecurityGroupEgress', () => {
  let id: string;
  beforeEach(() => {
    id = createGroup();
    authorize(id, { ...SSH, Priority: '3', Description: 'ssh' });
    authorize(id, { IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: '0.0.0.0/0' });
    authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
  });

  const revoke = (params: Record<string, string>) =>
    bed.call('RevokeSecurityGroup', regionParams({ SecurityGroupId: id, ...params }));
  const revokeEgress = (params: Record<string, string>) =>
    bed.call('RevokeSecurityGroupEgress', regionParams({ SecurityGroupId: id, ...params }));
  const ports = () => permissions(id).map((p) => `${p.Direction} ${p.PortRange}`);

  it('removes rules matching the fields, whatever their priority and description', () => {
    revoke({ ...SSH, IpProtocol: 'TCP' });
    expect(ports()).toEqual(['ingress 80/80', 'egress -1/-1']);
    revokeEgress({ 'Permissions.1.IpProtocol': 'all', 'Permissions.1.DestCidrIp': '0.0.0.0/0' });
    expect(ports()).toEqual(['ingress 80/80']);
  });

  it('succeeds without change when no rule matches', () => {
    revoke({ ...SSH, Policy: 'drop' });
    revoke({ ...SSH, PortRange: '2222/2222' });
    revokeEgress({ IpProtocol: 'tcp', PortRange: '22/22', DestCidrIp: '10.0.0.0/8' });
    expect(ports()).toEqual(['ingress 22/22', 'ingress 80/80', 'egress -1/-1']);
  });

  it('removes rules by SecurityGroupRuleId.N, every one of which must exist in that direction', () => {
    const [ssh, http, egress] = group(id).rules.map((rule) => rule.SecurityGroupRuleId);
    revoke({ 'SecurityGroupRuleId.1': ssh!, 'SecurityGroupRuleId.2': http! });
    expect(ports()).toEqual(['egress -1/-1']);
    expectApiError(() => revoke({ 'SecurityGroupRuleId.1': egress! }), 400, 'InvalidParam.SecurityGroupRuleId');
    expectApiError(
      () => revokeEgress({ 'SecurityGroupRuleId.1': 'sgr-none' }),
      400,
      'InvalidParam.SecurityGroupRuleId',
    );
    expectApiError(
      () => revokeEgress({ 'SecurityGroupRuleId.1': egress!, IpProtocol: 'all' }),
      400,
      'InvalidParameter',
    );
    revokeEgress({ 'SecurityGroupRuleId.1': egress! });
    expect(ports()).toEqual([]);
  });

  it('validates the rule fields like Authorize', () => {
    expectApiError(() => revoke({ ...SSH, IpProtocol: 'sctp' }), 400, 'InvalidIpProtocol.ValueNotSupported');
    expectApiError(() => revoke({ IpProtocol: 'all' }), 400, 'MissingParameter.Source');
    expectApiError(
      () => revoke({ IpProtocol: 'all', SourceGroupId: 'sg-nowhere' }),
      404,
      'InvalidSourceGroupId.NotFound',
    );
    expectApiError(
      () => revokeEgress({ IpProtocol: 'all', DestCidrIp: '1.1.1.1/40' }),
      400,
      'InvalidDestCidrIp.Malformed',
    );
    expectApiError(
      () => bed.call('RevokeSecurityGroup', regionParams({ SecurityGroupId: 'sg-nowhere', ...SSH })),
      404,
      'InvalidSecurityGroupId.NotFound',
    );
  });
});

describe('ModifySecurityGroupRule', () => {
  let id: string;
  let ruleId: string;
  beforeEach(() => {
    id = createGroup();
    authorize(id, { ...SSH, Description: 'ssh' });
    ruleId = group(id).rules[0]!.SecurityGroupRuleId;
  });

  const modify = (params: Record<string, string>) =>
    bed.call('ModifySecurityGroupRule', regionParams({ SecurityGroupId: id, ...params }));

  it('edits a rule by ID, keeping what is not sent', () => {
    modify({
      SecurityGroupRuleId: ruleId,
      PortRange: '2222/2222',
      SourceCidrIp: '192.168.0.0/16',
      Policy: 'drop',
      Priority: '9',
    });
    expect(permissions(id)).toEqual([
      expect.objectContaining({
        SecurityGroupRuleId: ruleId,
        IpProtocol: 'TCP',
        PortRange: '2222/2222',
        SourceCidrIp: '192.168.0.0/16',
        Policy: 'Drop',
        Priority: '9',
        Description: 'ssh',
      }),
    ]);
    modify({ SecurityGroupRuleId: ruleId, IpProtocol: 'all', PortRange: '-1/-1', Description: 'anything' });
    expect(permissions(id)[0]).toMatchObject({ IpProtocol: 'ALL', PortRange: '-1/-1', Description: 'anything' });
  });

  it('refuses to change the kind of source, the NIC type, or to duplicate a rule', () => {
    const peer = createGroup();
    expectApiError(
      () => modify({ SecurityGroupRuleId: ruleId, SourceGroupId: peer }),
      400,
      'InvalidOperation.ModifySgRuleEntityType',
    );
    expectApiError(
      () => modify({ SecurityGroupRuleId: ruleId, Ipv6SourceCidrIp: '::/0' }),
      400,
      'InvalidOperation.ModifySgRuleEntityType',
    );
    expectApiError(
      () => modify({ SecurityGroupRuleId: ruleId, NicType: 'internet' }),
      400,
      'InvalidOperation.ModifyNicType',
    );
    authorize(id, { ...SSH, PortRange: '80/80' });
    expectApiError(
      () => modify({ SecurityGroupRuleId: ruleId, PortRange: '80/80' }),
      400,
      'InvalidOperation.RuleDuplicate',
    );
    expectApiError(() => modify({ SecurityGroupRuleId: ruleId, IpProtocol: 'icmp' }), 400, 'OperationDenied');
    expect(permissions(id)[0]).toMatchObject({ PortRange: '22/22', IpProtocol: 'TCP' });
  });

  it('edits group rules within their kind', () => {
    const [peer, other] = [createGroup(), createGroup({ SecurityGroupName: 'other' })];
    authorize(id, { IpProtocol: 'all', SourceGroupId: peer });
    const groupRule = group(id).rules[1]!.SecurityGroupRuleId;
    modify({ SecurityGroupRuleId: groupRule, SourceGroupId: other });
    expect(permissions(id)[1]).toMatchObject({ SourceGroupId: other, SourceGroupName: 'other' });
  });

  it('reports rules it cannot find', () => {
    expectApiError(
      () => modify({ SecurityGroupRuleId: 'sgr-none', Description: 'x' }),
      404,
      'SecurityGroupRule.NotFound',
    );
    authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    const egress = group(id).rules[1]!.SecurityGroupRuleId;
    expectApiError(() => modify({ SecurityGroupRuleId: egress, Description: 'x' }), 404, 'SecurityGroupRule.NotFound');
    expectApiError(() => modify({ ...SSH, PortRange: '23/23', Description: 'x' }), 404, 'SecurityGroupRule.NotFound');
  });

  it('changes only the description of a rule found by its fields', () => {
    modify({ ...SSH, Priority: '50', Description: 'bastion' });
    expect(permissions(id)[0]).toMatchObject({ SecurityGroupRuleId: ruleId, Description: 'bastion', Priority: '1' });
  });
});

describe('JoinSecurityGroup / LeaveSecurityGroup', () => {
  let base: string;
  let extra: string;
  beforeEach(() => {
    base = createGroup();
    extra = createGroup();
  });

  const instanceIn = (...groups: string[]) => createInstance(bed.store, bed.region, { SecurityGroupIds: groups });
  const join = (instanceId: string, groupId: string, params: Record<string, string> = {}) =>
    bed.call('JoinSecurityGroup', { InstanceId: instanceId, SecurityGroupId: groupId, ...params });
  const leave = (instanceId: string, groupId: string, params: Record<string, string> = {}) =>
    bed.call('LeaveSecurityGroup', { InstanceId: instanceId, SecurityGroupId: groupId, ...params });

  it('adds and removes a Running or Stopped instance, with or without RegionId', () => {
    const running = instanceIn(base);
    expect(join(running.InstanceId, extra)).toEqual({});
    expect(running.SecurityGroupIds).toEqual([base, extra]);
    expect(describeGroups({ SecurityGroupId: extra }).SecurityGroups.SecurityGroup[0]!.EcsCount).toBe(1);
    leave(running.InstanceId, base, { RegionId: bed.regionId });
    expect(running.SecurityGroupIds).toEqual([extra]);
    const stopped = createInstance(bed.store, bed.region, { Status: 'Stopped', SecurityGroupIds: [base] });
    join(stopped.InstanceId, extra);
    expect(stopped.SecurityGroupIds).toEqual([base, extra]);
  });

  it('refuses instances in other states or locked for security', () => {
    const pending = createInstance(bed.store, bed.region, { Status: 'Pending', SecurityGroupIds: [base] });
    expectApiError(() => join(pending.InstanceId, extra), 403, 'IncorrectInstanceStatus');
    const stopping = createInstance(bed.store, bed.region, { Status: 'Stopping', SecurityGroupIds: [base, extra] });
    expectApiError(() => leave(stopping.InstanceId, extra), 403, 'IncorrectInstanceStatus');
    const locked = createInstance(bed.store, bed.region, { SecurityGroupIds: [base], lockReasons: ['security'] });
    expectApiError(() => join(locked.InstanceId, extra), 403, 'InstanceLockedForSecurity');
  });

  it('applies the membership rules', () => {
    const instance = instanceIn(base);
    expectApiError(() => join(instance.InstanceId, base), 403, 'InvalidInstanceId.AlreadyExists');
    const elsewhere = createGroup({ VpcId: createVpc(bed.store, bed.region).VpcId });
    expectApiError(() => join(instance.InstanceId, elsewhere), 400, 'InvalidInstanceId.Mismatch');
    const advanced = createGroup({ SecurityGroupType: 'enterprise' });
    expectApiError(() => join(instance.InstanceId, advanced), 400, 'InvalidOperation.MultiGroupType');
    for (let i = 0; i < 4; i++) join(instance.InstanceId, createGroup());
    expectApiError(() => join(instance.InstanceId, extra), 403, 'InstanceSecurityGroupLimitExceeded');
    expect(instance.SecurityGroupIds).toHaveLength(5);
  });

  it('refuses to leave a group the instance is not in, or its last group', () => {
    const instance = instanceIn(base);
    expectApiError(() => leave(instance.InstanceId, extra), 400, 'InvalidSecurityGroupAssociation.NotFound');
    expectApiError(() => leave(instance.InstanceId, base), 403, 'InstanceLastSecurityGroup');
    expect(instance.SecurityGroupIds).toEqual([base]);
  });

  it('reports unknown instances, groups and regions, and the ENI form', () => {
    const instance = instanceIn(base);
    expectApiError(() => join('i-nowhere', extra), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => join(instance.InstanceId, 'sg-nowhere'), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(() => join(instance.InstanceId, extra, { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
    const other = bed.store.addRegion({ ...bed.region.region, RegionId: 'cn-shanghai' }, []);
    expect(other.instances.size).toBe(0);
    expectApiError(
      () => join(instance.InstanceId, extra, { RegionId: 'cn-shanghai' }),
      404,
      'InvalidInstanceId.NotFound',
    );
    expectApiError(
      () => join(instance.InstanceId, extra, { NetworkInterfaceId: 'eni-1' }),
      403,
      'InvalidParam.EniIdAndInstanceId.Conflict',
    );
    expectApiError(
      () => bed.call('JoinSecurityGroup', { SecurityGroupId: extra, NetworkInterfaceId: 'eni-1' }),
      400,
      'InvalidParameter',
    );
    expectApiError(() => bed.call('JoinSecurityGroup', { SecurityGroupId: extra }), 400, 'MissingParameter');
    expectApiError(() => bed.call('LeaveSecurityGroup', { InstanceId: instance.InstanceId }), 400, 'MissingParameter');
  });
});
