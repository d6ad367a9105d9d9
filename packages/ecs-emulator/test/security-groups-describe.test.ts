import { beforeEach, describe, expect, it } from 'vitest';
import { createInstance, createRule, createSecurityGroup, createVpc } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed, SSH, type PermissionView } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('DescribeSecurityGroups', () => {
  it('renders each group with its counts, times and tags', () => {
    const id = bed.createGroup({
      SecurityGroupName: 'web',
      Description: 'front',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
    });
    const peer = bed.createGroup();
    bed.authorize(id, SSH);
    bed.authorize(id, { IpProtocol: 'tcp', PortRange: '80/80', SourceGroupId: peer });
    bed.authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    createInstance(bed.store, bed.region, { SecurityGroupIds: [id] });
    createInstance(bed.store, bed.region, { SecurityGroupIds: [id, peer] });
    const body = bed.describeGroups({ SecurityGroupId: id });
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
    const ids = Array.from({ length: 5 }, () => bed.createGroup());
    expect(bed.groupIds()).toEqual([...ids].sort().reverse());
    bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: ids[2]! }));
    ids.splice(2, 1);
    expect(bed.groupIds()).toEqual([...ids].sort().reverse());
    bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: ids[0]! }));
    ids[0] = bed.createGroup();
    expect(bed.groupIds()).toEqual([...ids].sort().reverse());
  });

  it('filters by IDs, name, VPC, network type, type and tags', () => {
    const otherVpc = createVpc(bed.store, bed.region);
    const a = bed.createGroup({ SecurityGroupName: 'alpha', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' });
    const b = bed.createGroup({
      SecurityGroupName: 'beta',
      SecurityGroupType: 'enterprise',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev',
    });
    const c = bed.createGroup({ SecurityGroupName: 'alpha', VpcId: otherVpc.VpcId });
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    const sorted = (ids: string[]) => [...ids].sort().reverse();
    expect(bed.groupIds({ SecurityGroupId: b })).toEqual([b]);
    expect(bed.groupIds({ SecurityGroupIds: JSON.stringify([a, c, 'sg-none']) })).toEqual(sorted([a, c]));
    expect(bed.groupIds({ SecurityGroupIds: JSON.stringify([a, c]), SecurityGroupId: b })).toEqual([]);
    expect(bed.groupIds({ SecurityGroupName: 'alpha' })).toEqual(sorted([a, c]));
    expect(bed.groupIds({ VpcId: otherVpc.VpcId })).toEqual([c]);
    expect(bed.groupIds({ NetworkType: 'classic' })).toEqual([classic]);
    expect(bed.groupIds({ NetworkType: 'vpc' })).toEqual(sorted([a, b, c]));
    expect(bed.groupIds({ SecurityGroupType: 'enterprise' })).toEqual([b]);
    expect(bed.groupIds({ 'Tag.1.Key': 'env' })).toEqual(sorted([a, b]));
    expect(bed.groupIds({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' })).toEqual([b]);
    expect(bed.groupIds({ ResourceGroupId: 'rg-1' })).toEqual([]);
    expect(bed.groupIds({ ServiceManaged: 'true' })).toEqual([]);
    expect(bed.groupIds({ ServiceManaged: 'false' })).toHaveLength(4);
  });

  it('validates its filters and honours DryRun', () => {
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `sg-${i}`));
    expectApiError(() => bed.describeGroups({ SecurityGroupIds: tooMany }), 400, 'InvalidParameter');
    expectApiError(() => bed.describeGroups({ SecurityGroupIds: 'sg-1' }), 400, 'InvalidParameter');
    expectApiError(() => bed.describeGroups({ NetworkType: 'ipv6' }), 400, 'InvalidParameter');
    expectApiError(() => bed.describeGroups({ DryRun: 'true' }), 400, 'DryRunOperation');
    expectApiError(() => bed.call('DescribeSecurityGroups', {}), 400, 'MissingParameter');
    expectApiError(() => bed.call('DescribeSecurityGroups', { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
  });

  it('pages by PageNumber and PageSize (default 10, at most 50)', () => {
    const ids = Array.from({ length: 23 }, () => bed.createGroup())
      .sort()
      .reverse();
    expect(bed.groupIds()).toEqual(ids.slice(0, 10));
    const third = bed.describeGroups({ PageNumber: '3', PageSize: '10' });
    expect(third).toMatchObject({ TotalCount: 23, PageNumber: 3, PageSize: 10 });
    expect(third.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId)).toEqual(ids.slice(20));
    expect(bed.groupIds({ PageSize: '50' })).toEqual(ids);
    expectApiError(() => bed.describeGroups({ PageSize: '51' }), 400, 'InvalidParameter');
  });

  it('pages by NextToken and MaxResults', () => {
    const ids = Array.from({ length: 23 }, () => bed.createGroup())
      .sort()
      .reverse();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const body = bed.describeGroups({ MaxResults: '10', ...(token ? { NextToken: token } : {}) });
      seen.push(...body.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId));
      token = body.NextToken || undefined;
    } while (token);
    expect(seen).toEqual(ids);
    expect(bed.describeGroups({ MaxResults: '500' }).SecurityGroups.SecurityGroup).toHaveLength(23);
  });
});

describe('DescribeSecurityGroupAttribute', () => {
  it('renders every rule field, group names resolved', () => {
    const id = bed.createGroup({ SecurityGroupName: 'web', Description: 'front' });
    const peer = bed.createGroup({ SecurityGroupName: 'db' });
    bed.clock.advance(61_000);
    bed.authorize(id, {
      IpProtocol: 'TCP',
      PortRange: '3306/3306',
      SourceGroupId: peer,
      Priority: '5',
      Description: 'mysql',
    });
    bed.authorizeEgress(id, { IpProtocol: 'icmp', DestCidrIp: '192.168.0.1', Policy: 'drop' });
    const body = bed.call('DescribeSecurityGroupAttribute', bed.regionParams({ SecurityGroupId: id }));
    const rules = bed.group(id).rules;
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
    const id = bed.createGroup();
    bed.authorize(id, SSH);
    bed.authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' });
    createRule(bed.store, bed.region, classic, { Direction: 'ingress', NicType: 'internet', SourceCidrIp: '1.1.1.1' });
    createRule(bed.store, bed.region, classic, { Direction: 'ingress', NicType: 'intranet', SourceCidrIp: '2.2.2.2' });
    expect(bed.permissions(id, { Direction: 'ingress' }).map((p) => p.Direction)).toEqual(['ingress']);
    expect(bed.permissions(id, { Direction: 'egress' }).map((p) => p.Direction)).toEqual(['egress']);
    expect(bed.permissions(id, { Direction: 'all' })).toHaveLength(2);
    expect(bed.permissions(classic.SecurityGroupId, { NicType: 'internet' }).map((p) => p.SourceCidrIp)).toEqual([
      '1.1.1.1',
    ]);
    expectApiError(() => bed.permissions(id, { NicType: 'wan' }), 400, 'InvalidNicType.ValueNotSupported');
    expectApiError(() => bed.permissions(id, { Direction: 'both' }), 400, 'InvalidParameter');
  });

  it('pages rules by NextToken (default 500, MaxResults 10–1000)', () => {
    const id = bed.createGroup();
    for (let port = 1; port <= 25; port++) bed.authorize(id, { ...SSH, PortRange: `${port}/${port}` });
    expect(bed.permissions(id)).toHaveLength(25);
    const first = bed.call(
      'DescribeSecurityGroupAttribute',
      bed.regionParams({ SecurityGroupId: id, MaxResults: '3' }),
    ) as {
      NextToken: string;
      Permissions: { Permission: PermissionView[] };
    };
    // Below the floor of 10, MaxResults is raised to 10.
    expect(first.Permissions.Permission.map((p) => p.PortRange)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${i + 1}/${i + 1}`),
    );
    const rest = bed.permissions(id, { MaxResults: '100', NextToken: first.NextToken });
    expect(rest.map((p) => p.PortRange)[0]).toBe('11/11');
    expect(rest).toHaveLength(15);
  });

  it('reports unknown groups and missing parameters', () => {
    expectApiError(() => bed.permissions('sg-nowhere'), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(() => bed.call('DescribeSecurityGroupAttribute', bed.regionParams()), 400, 'MissingParameter');
  });

  it('adds the (empty) snapshot policy list when asked', () => {
    const id = bed.createGroup();
    const body = bed.call(
      'DescribeSecurityGroupAttribute',
      bed.regionParams({ SecurityGroupId: id, Attribute: 'snapshotPolicyIds' }),
    );
    expect(body.SnapshotPolicyIds).toEqual({ SnapshotPolicyId: [] });
  });
});
