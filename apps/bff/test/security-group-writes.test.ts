import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnswer, FleetAnswer, SecurityGroupListAnswer } from '@ecs-console/contract';
import { networkEntries } from '../src/registry/network.js';
import { signedInBrowser, type ApiResponse, type Browser } from './support/console-harness.js';
import { FLEET_REGION, firstRunning, startFleetBed, type FleetBed } from './support/fleet-bed.js';

const GROUP = 'sg-somegroup0';
const RULE = 'sgr-somerule0';

/** Well-formed parameters for every group and rule write (the role is checked before them, but they must not be why). */
const SOME_PARAMS: Record<string, Record<string, unknown>> = {
  CreateSecurityGroup: { RegionId: FLEET_REGION, VpcId: 'vpc-somevpc0', SecurityGroupName: 'made-by-a-test' },
  DeleteSecurityGroup: { RegionId: FLEET_REGION, SecurityGroupId: GROUP },
  ModifySecurityGroupAttribute: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, SecurityGroupName: 'renamed' },
  ModifySecurityGroupPolicy: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, InnerAccessPolicy: 'Drop' },
  AuthorizeSecurityGroup: {
    RegionId: FLEET_REGION,
    SecurityGroupId: GROUP,
    Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' }],
  },
  AuthorizeSecurityGroupEgress: {
    RegionId: FLEET_REGION,
    SecurityGroupId: GROUP,
    Permissions: [{ IpProtocol: 'all', PortRange: '-1/-1', DestCidrIp: '0.0.0.0/0' }],
  },
  RevokeSecurityGroup: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, SecurityGroupRuleId: [RULE] },
  RevokeSecurityGroupEgress: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, SecurityGroupRuleId: [RULE] },
  ModifySecurityGroupRule: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, SecurityGroupRuleId: RULE, Priority: 5 },
  ModifySecurityGroupEgressRule: {
    RegionId: FLEET_REGION,
    SecurityGroupId: GROUP,
    SecurityGroupRuleId: RULE,
    Priority: 5,
  },
  JoinSecurityGroup: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, InstanceId: 'i-someinstance' },
  LeaveSecurityGroup: { RegionId: FLEET_REGION, SecurityGroupId: GROUP, InstanceId: 'i-someinstance' },
};
const WRITES = Object.keys(SOME_PARAMS);

let bed: FleetBed;
let operator: Browser;
let viewer: Browser;
beforeAll(async () => {
  bed = await startFleetBed(4);
  await bed.app.users.create('olga', 'operator-password-1', 'operator');
  await bed.app.users.create('vic', 'viewer-password-1', 'viewer');
  operator = await signedInBrowser(bed.app.url, 'olga', 'operator-password-1');
  viewer = await signedInBrowser(bed.app.url, 'vic', 'viewer-password-1');
}, 60_000);
afterAll(() => bed.close());

const calls = (action: string) => bed.emulator.control.status().requestsByAction[action] ?? 0;

describe('security-group writes through /api/ecs', { timeout: 60_000 }, () => {
  it('knows every group and rule write the registry has', () => {
    const registered = Object.entries(networkEntries)
      .filter(([action, entry]) => entry.access === 'write' && /SecurityGroup/.test(action))
      .map(([action]) => action);
    expect(registered.sort()).toEqual([...WRITES].sort());
    for (const action of WRITES) expect(networkEntries[action]!.role, action).toBe('admin');
  });

  it.each(WRITES)('a viewer gets 403 Forbidden for %s, and ECS never sees it', async (action) => {
    const before = calls(action);
    const answer = await viewer.post(`/api/ecs/${action}`, SOME_PARAMS[action]);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('Forbidden');
    expect(answer.body.message).toEqual(expect.any(String));
    expect(answer.body.requestId).toEqual(expect.any(String));
    expect(calls(action)).toBe(before);
  });

  it.each(WRITES)('an operator gets 403 Forbidden for %s, and ECS never sees it', async (action) => {
    const before = calls(action);
    const answer = await operator.post(`/api/ecs/${action}`, SOME_PARAMS[action]);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('Forbidden');
    expect(calls(action)).toBe(before);
  });

  it('passes ECS refusals on with ECS status, code and RequestId', async () => {
    const answer = await bed.admin.post('/api/ecs/AuthorizeSecurityGroup', {
      ...SOME_PARAMS.AuthorizeSecurityGroup,
      SecurityGroupId: 'sg-nosuchgroup00',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(answer.body.message).toEqual(expect.any(String));
    expect(answer.body.requestId).toEqual(expect.any(String));
  });

  it('every group and rule write an admin makes is audited with its outcome, RequestId and what it names', async () => {
    const instances = (await bed.admin.get(`/api/regions/${FLEET_REGION}/instances`)).body as unknown as FleetAnswer;
    const instance = firstRunning(instances);
    const groups = (await bed.admin.get(`/api/regions/${FLEET_REGION}/security-groups`))
      .body as unknown as SecurityGroupListAnswer;
    const vpcId = instance.VpcAttributes?.VpcId ?? groups.securityGroups[0]!.VpcId;
    const made: { action: string; answer: ApiResponse; names: string[] }[] = [];
    const write = async (action: string, params: Record<string, unknown>, names: string[]) => {
      const answer = await bed.admin.post(`/api/ecs/${action}`, { RegionId: FLEET_REGION, ...params });
      made.push({ action, answer, names });
      return answer;
    };
    const ruleIds = async (groupId: string, direction: 'ingress' | 'egress') => {
      const answer = await bed.ecs.call('DescribeSecurityGroupAttribute', {
        RegionId: FLEET_REGION,
        SecurityGroupId: groupId,
        Direction: direction,
      });
      return answer.Permissions.Permission.map((permission) => permission.SecurityGroupRuleId);
    };

    const created = await write(
      'CreateSecurityGroup',
      { VpcId: vpcId, SecurityGroupName: 'audited-group', Description: 'made by the audit test', ClientToken: 'c-1' },
      [vpcId],
    );
    expect(created.status).toBe(200);
    const groupId = created.body.SecurityGroupId as string;
    made.at(-1)!.names.push(groupId);
    await write('ModifySecurityGroupAttribute', { SecurityGroupId: groupId, Description: 'renamed by the test' }, [
      groupId,
    ]);
    await write(
      'ModifySecurityGroupPolicy',
      { SecurityGroupId: groupId, InnerAccessPolicy: 'Drop', ClientToken: 'c-2' },
      [groupId],
    );
    await write(
      'AuthorizeSecurityGroup',
      {
        SecurityGroupId: groupId,
        Permissions: [
          { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0', Priority: 1, Description: 'ssh' },
          { IpProtocol: 'icmp', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8', Policy: 'drop', Priority: '100' },
        ],
        ClientToken: 'c-3',
      },
      [groupId],
    );
    await write(
      'AuthorizeSecurityGroupEgress',
      {
        SecurityGroupId: groupId,
        Permissions: [{ IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '10.0.0.2', Description: 'dns' }],
        ClientToken: 'c-4',
      },
      [groupId],
    );
    const [inbound, inboundToo] = await ruleIds(groupId, 'ingress');
    const [outbound] = await ruleIds(groupId, 'egress');
    expect([inbound, inboundToo, outbound]).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    // The edit forms send the rule's ID and the fields they change, flat.
    await write(
      'ModifySecurityGroupRule',
      {
        SecurityGroupId: groupId,
        SecurityGroupRuleId: inbound,
        IpProtocol: 'tcp',
        PortRange: '22/22',
        SourceCidrIp: '10.0.0.0/8',
        Priority: 2,
        Description: 'ssh from inside',
        ClientToken: 'c-5',
      },
      [groupId, inbound!],
    );
    await write(
      'ModifySecurityGroupEgressRule',
      { SecurityGroupId: groupId, SecurityGroupRuleId: outbound, Priority: 3, Description: 'dns', ClientToken: 'c-6' },
      [groupId, outbound!],
    );
    await write('JoinSecurityGroup', { SecurityGroupId: groupId, InstanceId: instance.InstanceId }, [
      groupId,
      instance.InstanceId,
    ]);
    // A group with a member cannot be deleted: ECS refuses, and the refusal is audited too.
    const refused = await write('DeleteSecurityGroup', { SecurityGroupId: groupId }, [groupId]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await write('LeaveSecurityGroup', { SecurityGroupId: groupId, InstanceId: instance.InstanceId }, [
      groupId,
      instance.InstanceId,
    ]);
    await write(
      'RevokeSecurityGroup',
      { SecurityGroupId: groupId, SecurityGroupRuleId: [inbound, inboundToo], ClientToken: 'c-7' },
      [groupId, inbound!, inboundToo!],
    );
    await write(
      'RevokeSecurityGroupEgress',
      {
        SecurityGroupId: groupId,
        Permissions: [{ IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '10.0.0.2' }],
        ClientToken: 'c-8',
      },
      [groupId],
    );
    expect(await ruleIds(groupId, 'ingress')).toEqual([]);
    expect(await ruleIds(groupId, 'egress')).toEqual([]);
    const deleted = await write('DeleteSecurityGroup', { SecurityGroupId: groupId }, [groupId]);
    expect(deleted.status).toBe(200);
    expect(new Set(made.map((call) => call.action))).toEqual(new Set(WRITES));
    expect(made.filter(({ answer }) => answer.status !== 200).map(({ action }) => action)).toEqual([
      'DeleteSecurityGroup',
    ]);

    const audit = (await bed.admin.get('/api/audit?limit=500')).body as unknown as AuditAnswer;
    for (const { action, answer, names } of made) {
      const requestId = answer.status === 200 ? answer.body.RequestId : answer.body.requestId;
      expect(requestId, `${action} answered ${answer.text}`).toEqual(expect.any(String));
      const entry = audit.entries.find((candidate) => candidate.requestId === requestId);
      expect(entry, `${action} is audited`).toMatchObject({
        event: 'action',
        action,
        user: 'admin',
        regionId: FLEET_REGION,
        outcome: answer.status === 200 ? 'success' : 'failure',
      });
      if (answer.status !== 200) expect(entry?.code).toBe(answer.body.code);
      expect(entry?.resourceIds, action).toEqual(expect.arrayContaining(names));
    }
  });
});

describe('what the registry accepts from the security-group forms', { timeout: 60_000 }, () => {
  it.each([
    [
      'AuthorizeSecurityGroup',
      {
        SecurityGroupId: GROUP,
        Permissions: [
          { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '203.0.113.0/24', Priority: 1, Description: 'ssh' },
          { IpProtocol: 'tcp', PortRange: '80/443', Ipv6SourceCidrIp: '::/0', Policy: 'accept', Priority: '10' },
          { IpProtocol: 'ICMP', PortRange: '-1/-1', SourceGroupId: 'sg-othergroup0', NicType: 'intranet' },
          { IpProtocol: 'all', PortRange: '-1/-1', SourcePrefixListId: 'pl-someprefix', Policy: 'drop', Priority: 100 },
          { IpProtocol: 'icmpv6', PortRange: '-1/-1', Ipv6SourceCidrIp: '2001:db8::/32' },
          { IpProtocol: 'udp', PortRange: '1/65535', SourceCidrIp: '10.0.0.1', SourcePortRange: '1024/65535' },
        ],
        ClientToken: '6f0d4f1c-6a8e-4b8a-9d35-1d2f0c1e7a11',
      },
    ],
    [
      'AuthorizeSecurityGroupEgress',
      {
        SecurityGroupId: GROUP,
        Permissions: [
          { IpProtocol: 'tcp', PortRange: '443/443', DestCidrIp: '0.0.0.0/0', Priority: 1, Description: 'https' },
          { IpProtocol: 'udp', PortRange: '53/53', DestGroupId: 'sg-othergroup0', NicType: 'intranet' },
          { IpProtocol: 'gre', PortRange: '-1/-1', Ipv6DestCidrIp: '::/0', Policy: 'drop' },
        ],
        ClientToken: 'c-egress',
      },
    ],
    [
      'RevokeSecurityGroup',
      { SecurityGroupId: GROUP, SecurityGroupRuleId: [RULE, 'sgr-otherrule0'], ClientToken: 'c' },
    ],
    [
      'RevokeSecurityGroup',
      { SecurityGroupId: GROUP, Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0' }] },
    ],
    ['RevokeSecurityGroupEgress', { SecurityGroupId: GROUP, SecurityGroupRuleId: [RULE], ClientToken: 'c' }],
    [
      'ModifySecurityGroupRule',
      {
        SecurityGroupId: GROUP,
        SecurityGroupRuleId: RULE,
        IpProtocol: 'tcp',
        PortRange: '8080/8081',
        SourceCidrIp: '192.168.0.0/16',
        Policy: 'drop',
        Priority: 7,
        Description: '',
        ClientToken: 'c',
      },
    ],
    [
      'ModifySecurityGroupEgressRule',
      {
        SecurityGroupId: GROUP,
        SecurityGroupRuleId: RULE,
        IpProtocol: 'udp',
        PortRange: '123/123',
        Ipv6DestCidrIp: '2001:db8::1',
        Priority: '3',
        Description: 'ntp',
        ClientToken: 'c',
      },
    ],
    ['ModifySecurityGroupAttribute', { SecurityGroupId: GROUP, SecurityGroupName: 'web', Description: 'Web tier' }],
    ['ModifySecurityGroupPolicy', { SecurityGroupId: GROUP, InnerAccessPolicy: 'Accept', ClientToken: 'c' }],
    [
      'CreateSecurityGroup',
      {
        VpcId: 'vpc-somevpc0',
        SecurityGroupName: 'web',
        Description: 'Linux web server',
        SecurityGroupType: 'enterprise',
        Tag: [{ Key: 'team', Value: 'web' }],
        ClientToken: 'c',
      },
    ],
    ['JoinSecurityGroup', { SecurityGroupId: GROUP, InstanceId: 'i-someinstance' }],
    ['LeaveSecurityGroup', { SecurityGroupId: GROUP, InstanceId: 'i-someinstance' }],
  ])('accepts what the console sends for %s', (action, params) => {
    const parsed = networkEntries[action]!.schema.safeParse({ RegionId: FLEET_REGION, ...params });
    expect(parsed.error).toBeUndefined();
  });

  const rule = { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };
  it.each([
    ['Priority 0', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, Priority: 0 }] }, 'Priority'],
    ['Priority "101"', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, Priority: '101' }] }, 'Priority'],
    ['PortRange "a/b"', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, PortRange: 'a/b' }] }, 'PortRange'],
    ['PortRange "200/1"', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, PortRange: '200/1' }] }, 'PortRange'],
    [
      'PortRange "0/65536"',
      'ModifySecurityGroupRule',
      { SecurityGroupRuleId: RULE, PortRange: '0/65536' },
      'PortRange',
    ],
    [
      'a CIDR "10.0.0.0/33"',
      'AuthorizeSecurityGroup',
      { Permissions: [{ ...rule, SourceCidrIp: '10.0.0.0/33' }] },
      'SourceCidrIp',
    ],
    [
      'an IPv6 CIDR "2001:db8::/129"',
      'AuthorizeSecurityGroupEgress',
      { Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', Ipv6DestCidrIp: '2001:db8::/129' }] },
      'Ipv6DestCidrIp',
    ],
    ['a protocol "ftp"', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, IpProtocol: 'ftp' }] }, 'IpProtocol'],
    ['Policy "allow"', 'AuthorizeSecurityGroup', { Permissions: [{ ...rule, Policy: 'allow' }] }, 'Policy'],
    [
      'a Dest group on an inbound rule',
      'AuthorizeSecurityGroup',
      { Permissions: [{ ...rule, DestGroupId: GROUP }] },
      'DestGroupId',
    ],
    [
      'a rule ID that is not sgr-',
      'RevokeSecurityGroup',
      { SecurityGroupRuleId: ['sg-notarule00'] },
      'SecurityGroupRuleId',
    ],
    [
      'a single rule ID to revoke (not a list)',
      'RevokeSecurityGroupEgress',
      { SecurityGroupRuleId: RULE },
      'SecurityGroupRuleId',
    ],
    [
      'an intra-group policy "accept"',
      'ModifySecurityGroupPolicy',
      { InnerAccessPolicy: 'accept' },
      'InnerAccessPolicy',
    ],
    ['an instance ID that is not i-', 'JoinSecurityGroup', { InstanceId: 'd-notaninstance' }, 'InstanceId'],
  ])('refuses %s with 400 InvalidParameter naming the field, before ECS', async (_case, action, params, field) => {
    const before = calls(action);
    const answer = await bed.admin.post(`/api/ecs/${action}`, {
      RegionId: FLEET_REGION,
      SecurityGroupId: GROUP,
      ...params,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.message).toContain(field);
    expect(answer.body.requestId).toEqual(expect.any(String));
    expect(calls(action)).toBe(before);
  });
});
