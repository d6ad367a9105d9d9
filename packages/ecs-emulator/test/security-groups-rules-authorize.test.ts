import { beforeEach, describe, expect, it } from 'vitest';
import { createSecurityGroup, createVpc } from '../src/store/factories.js';
import { START, expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed, SSH } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress', () => {
  let id: string;
  beforeEach(() => {
    id = bed.createGroup();
  });

  it('adds a flat ingress rule with ECS defaults, forcing intranet in a VPC group', () => {
    bed.clock.advance(1_000);
    bed.authorize(id, { ...SSH, NicType: 'internet', SourcePortRange: '1024/65535' });
    expect(bed.group(id).rules).toEqual([
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
    bed.authorize(id, {
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
    expect(bed.permissions(id).map((p) => [p.IpProtocol, p.PortRange, p.Policy, p.Priority, p.DestCidrIp])).toEqual([
      ['UDP', '53/53', 'Drop', '1', ''],
      ['ALL', '-1/-1', 'Accept', '100', ''],
      ['GRE', '-1/-1', 'Accept', '1', '172.16.0.5'],
      ['ICMPV6', '-1/-1', 'Accept', '1', ''],
    ]);
  });

  it('treats a rule that exists as success without adding it', () => {
    bed.authorize(id, SSH);
    bed.authorize(id, { ...SSH, IpProtocol: 'TCP', Priority: '7', Description: 'again' });
    bed.authorize(id, {
      'Permissions.1.IpProtocol': 'tcp',
      'Permissions.1.PortRange': '80/80',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.2.IpProtocol': 'tcp',
      'Permissions.2.PortRange': '80/80',
      'Permissions.2.SourceCidrIp': '0.0.0.0/0',
    });
    expect(bed.permissions(id).map((p) => [p.PortRange, p.Priority])).toEqual([
      ['22/22', '1'],
      ['80/80', '1'],
    ]);
    // Same fields in the other direction are another rule.
    bed.authorizeEgress(id, { ...SSH, DestCidrIp: '10.0.0.0/8', SourceCidrIp: '' });
    expect(bed.permissions(id)).toHaveLength(3);
  });

  it('lets a CIDR block win over a group', () => {
    const peer = bed.createGroup();
    bed.authorize(id, { ...SSH, SourceGroupId: peer });
    expect(bed.permissions(id)[0]).toMatchObject({ SourceCidrIp: '10.0.0.0/8', SourceGroupId: '' });
  });

  it('adds group-to-group rules in both directions', () => {
    const peer = bed.createGroup({ SecurityGroupName: 'peer' });
    bed.authorize(id, {
      IpProtocol: 'tcp',
      PortRange: '1/65535',
      SourceGroupId: peer,
      SourceGroupOwnerAccount: 'me@example.com',
    });
    bed.authorizeEgress(id, { IpProtocol: 'all', DestGroupId: peer });
    expect(
      bed.permissions(id).map((p) => [p.Direction, p.SourceGroupId, p.SourceGroupName, p.DestGroupId, p.DestGroupName]),
    ).toEqual([
      ['ingress', peer, 'peer', '', ''],
      ['egress', '', '', peer, 'peer'],
    ]);
  });

  it('validates the protocol and port ranges', () => {
    expectApiError(() => bed.authorize(id, { ...SSH, IpProtocol: 'sctp' }), 400, 'InvalidIpProtocol.ValueNotSupported');
    expectApiError(
      () => bed.authorize(id, { PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' }),
      400,
      'MissingParameter',
    );
    expectApiError(() => bed.authorize(id, { IpProtocol: 'tcp', SourceCidrIp: '10.0.0.0/8' }), 400, 'MissingParameter');
    for (const range of ['22', '200/1', '0/22', '1/65536', 'a/b']) {
      expectApiError(() => bed.authorize(id, { ...SSH, PortRange: range }), 400, 'InvalidIpPortRange.Malformed');
      expectApiError(
        () => bed.authorizeEgress(id, { IpProtocol: 'tcp', PortRange: range, DestCidrIp: '10.0.0.0/8' }),
        400,
        'InvalidParam.PortRange',
      );
    }
    expectApiError(() => bed.authorize(id, { ...SSH, IpProtocol: 'icmp' }), 400, 'OperationDenied');
    expectApiError(() => bed.authorize(id, { ...SSH, PortRange: '-1/-1' }), 400, 'OperationDenied');
    expectApiError(
      () => bed.authorize(id, { ...SSH, SourcePortRange: '9/1' }),
      400,
      'InvalidSourcePortRange.Malformed',
    );
    expectApiError(
      () => bed.authorize(id, { ...SSH, PortRangeListId: 'prl-1', PortRange: '' }),
      404,
      'InvalidPortRangeListId.NotFound',
    );
    expect(bed.group(id).rules).toEqual([]);
  });

  it('requires one authorization object and checks addresses', () => {
    expectApiError(() => bed.authorize(id, { IpProtocol: 'all' }), 400, 'MissingParameter.Source');
    expectApiError(
      () => bed.authorizeEgress(id, { IpProtocol: 'all', SourceCidrIp: '10.0.0.0/8' }),
      400,
      'MissingParameter.Dest',
    );
    for (const cidr of ['10.0.0.0/33', '10.0.0', '300.1.1.1', 'abc']) {
      expectApiError(() => bed.authorize(id, { ...SSH, SourceCidrIp: cidr }), 400, 'InvalidSourceCidrIp.Malformed');
      expectApiError(
        () => bed.authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: cidr }),
        400,
        'InvalidDestCidrIp.Malformed',
      );
    }
    expectApiError(() => bed.authorize(id, { ...SSH, DestCidrIp: '1.2.3' }), 400, 'InvalidDestCidrIp.Malformed');
    expectApiError(
      () => bed.authorize(id, { ...SSH, SourceCidrIp: '', Ipv6SourceCidrIp: '2001:zz::/32' }),
      400,
      'InvalidParam.Ipv6SourceCidrIp',
    );
    expectApiError(() => bed.authorize(id, { ...SSH, Ipv6SourceCidrIp: '::/0' }), 400, 'InvalidParam.SourceIp');
    expectApiError(
      () => bed.authorize(id, { ...SSH, SourceCidrIp: '', Ipv6SourceCidrIp: '::/0', DestCidrIp: '10.0.0.1' }),
      400,
      'InvalidParameter.Conflict',
    );
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'icmp', Ipv6SourceCidrIp: '::/0' }),
      400,
      'InvalidParam.Ipv4ProtocolConflictWithIpv6Address',
    );
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'icmpv6', SourceCidrIp: '0.0.0.0/0' }),
      400,
      'InvalidParam.Ipv6ProtocolConflictWithIpv4Address',
    );
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'all', SourcePrefixListId: 'pl-1' }),
      404,
      'InvalidPrefixListId.NotFound',
    );
  });

  it('checks referenced groups', () => {
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'all', SourceGroupId: 'sg-nowhere' }),
      404,
      'InvalidSourceGroupId.NotFound',
    );
    expectApiError(
      () => bed.authorizeEgress(id, { IpProtocol: 'all', DestGroupId: 'sg-nowhere' }),
      404,
      'InvalidDestGroupId.NotFound',
    );
    const elsewhere = bed.createGroup({ VpcId: createVpc(bed.store, bed.region).VpcId });
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'all', SourceGroupId: elsewhere }),
      400,
      'InvalidSourceGroupId.Mismatch',
    );
    const advanced = bed.createGroup({ SecurityGroupType: 'enterprise' });
    expectApiError(
      () => bed.authorize(advanced, { IpProtocol: 'all', SourceGroupId: id }),
      400,
      'InvalidGroupAuthParameter.OperationDenied',
    );
    bed.authorize(advanced, SSH);
    expect(bed.group(advanced).rules).toHaveLength(1);
  });

  it('validates policy, priority, NIC type and description', () => {
    expectApiError(() => bed.authorize(id, { ...SSH, Policy: 'deny' }), 400, 'InvalidPolicy.Malformed');
    expectApiError(() => bed.authorize(id, { ...SSH, Priority: 'high' }), 400, 'InvalidPriority.Malformed');
    for (const priority of ['0', '101']) {
      expectApiError(() => bed.authorize(id, { ...SSH, Priority: priority }), 400, 'InvalidPriority.ValueNotSupported');
    }
    expectApiError(() => bed.authorize(id, { ...SSH, NicType: 'wan' }), 400, 'InvalidNicType.ValueNotSupported');
    expectApiError(
      () => bed.authorize(id, { ...SSH, Description: 'x'.repeat(513) }),
      400,
      'InvalidSecurityGroupDiscription.Malformed',
    );
    expectApiError(
      () => bed.authorize(id, { ...SSH, Description: 'https://x' }),
      400,
      'InvalidSecurityGroupDiscription.Malformed',
    );
  });

  it('names the Permissions entry in errors and adds nothing when one rule is bad', () => {
    let message = '';
    try {
      bed.authorize(id, {
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
    expect(bed.group(id).rules).toEqual([]);
    expectApiError(
      () => bed.authorize(id, { ...SSH, 'Permissions.1.IpProtocol': 'tcp', 'Permissions.1.PortRange': '80/80' }),
      400,
      'InvalidParameter',
    );
  });

  it('applies classic-network NIC rules', () => {
    const classic = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    const classicPeer = createSecurityGroup(bed.store, bed.region, { VpcId: '' }).SecurityGroupId;
    bed.authorize(classic, SSH);
    expect(bed.permissions(classic)[0]!.NicType).toBe('internet');
    expectApiError(
      () => bed.authorize(classic, { IpProtocol: 'all', SourceGroupId: classicPeer }),
      403,
      'InvalidSourceGroupId.Mismatch',
    );
    bed.authorize(classic, { IpProtocol: 'all', SourceGroupId: classicPeer, NicType: 'intranet' });
    expect(bed.permissions(classic)[1]).toMatchObject({ NicType: 'intranet', SourceGroupId: classicPeer });
  });

  it('allows 200 rules per group', () => {
    for (let port = 1; port <= 100; port++) bed.authorize(id, { ...SSH, PortRange: `${port}/${port}` });
    for (let port = 1; port <= 100; port++)
      bed.authorizeEgress(id, { IpProtocol: 'tcp', PortRange: `${port}/${port}`, DestCidrIp: '0.0.0.0/0' });
    bed.authorize(id, { ...SSH, PortRange: '1/1' });
    expectApiError(() => bed.authorize(id, { ...SSH, PortRange: '101/101' }), 403, 'AuthorizationLimitExceed');
    expect(bed.group(id).rules).toHaveLength(200);
  });

  it('lets a basic group reference at most 20 groups', () => {
    const peers = Array.from({ length: 21 }, () => bed.createGroup());
    for (const peer of peers.slice(0, 20)) bed.authorize(id, { IpProtocol: 'all', SourceGroupId: peer });
    bed.authorizeEgress(id, { IpProtocol: 'all', DestGroupId: peers[0]! });
    expectApiError(
      () => bed.authorize(id, { IpProtocol: 'all', SourceGroupId: peers[20]! }),
      403,
      'AuthorizationLimitExceed',
    );
    expect(bed.group(id).rules).toHaveLength(21);
  });

  it('remembers ClientToken', () => {
    bed.authorize(id, { ...SSH, ClientToken: 't1' });
    bed.call('RevokeSecurityGroup', bed.regionParams({ SecurityGroupId: id, ...SSH }));
    // The retry answers the remembered success without adding the rule again.
    bed.authorize(id, { ...SSH, ClientToken: 't1' });
    expect(bed.group(id).rules).toEqual([]);
    expectApiError(
      () => bed.authorize(id, { ...SSH, PortRange: '23/23', ClientToken: 't1' }),
      400,
      'IdempotentParameterMismatch',
    );
  });

  it('reports unknown groups and regions', () => {
    expectApiError(() => bed.authorize('sg-nowhere', SSH), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(
      () => bed.call('AuthorizeSecurityGroup', { RegionId: 'mars-1', SecurityGroupId: id, ...SSH }),
      404,
      'InvalidRegionId.NotFound',
    );
    expectApiError(() => bed.call('AuthorizeSecurityGroup', bed.regionParams(SSH)), 400, 'MissingParameter');
  });
});
