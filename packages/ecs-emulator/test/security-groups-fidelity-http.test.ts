import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVpc } from '../src/store/factories.js';
import { REGION, securityGroupHttp, type SecurityGroupHttp } from './support/security-group-http.js';

/**
 * What the console's rule analysis and forms rely on (DIGEST §6.4): stable rule IDs, duplicates,
 * priority ties, group references, the 200-rule limit, deletion and membership refusals, and
 * parallel writes, over HTTP against the default estate.
 */
let http: SecurityGroupHttp;
beforeAll(async () => {
  http = await securityGroupHttp();
});
afterAll(() => http.close());

const authorize = (groupId: string, params: Record<string, unknown>) =>
  http.call('AuthorizeSecurityGroup', { RegionId: REGION, SecurityGroupId: groupId, ...params });
const tryAuthorize = (groupId: string, params: Record<string, unknown>) =>
  http.failure('AuthorizeSecurityGroup', { RegionId: REGION, SecurityGroupId: groupId, ...params });
const tcpFrom = (port: number, cidr = '10.0.0.0/8') => ({
  IpProtocol: 'tcp',
  PortRange: `${port}/${port}`,
  SourceCidrIp: cidr,
});
/** Permissions.N entries, one per port. */
const batch = (ports: readonly number[]) => ({ Permissions: ports.map((port) => tcpFrom(port)) });
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('rule identity', () => {
  it('gives each rule a stable sgr- ID and its creation time', async () => {
    const id = await http.createGroup();
    await authorize(id, tcpFrom(22));
    const [first] = await http.permissions(id);
    expect(first!.SecurityGroupRuleId).toMatch(/^sgr-[a-z0-9]+$/);
    expect(first!.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await authorize(id, tcpFrom(80));
    await http.call('RevokeSecurityGroup', { RegionId: REGION, SecurityGroupId: id, ...tcpFrom(80) });
    await authorize(id, tcpFrom(443));
    const rules = await http.permissions(id);
    expect(rules[0]).toMatchObject({ SecurityGroupRuleId: first!.SecurityGroupRuleId, CreateTime: first!.CreateTime });
    expect(new Set(rules.map((rule) => rule.SecurityGroupRuleId)).size).toBe(2);
  });

  it('treats a rule that exists, or one repeated in a Permissions list, as success adding nothing', async () => {
    const id = await http.createGroup();
    await authorize(id, tcpFrom(22));
    await authorize(id, { ...tcpFrom(22), IpProtocol: 'TCP' });
    await authorize(id, { Permissions: [tcpFrom(80), tcpFrom(80), { ...tcpFrom(80), IpProtocol: 'Tcp' }] });
    expect((await http.permissions(id)).map((rule) => rule.PortRange)).toEqual(['22/22', '80/80']);
  });

  it('counts rules that differ only in priority or description as the same rule, and keeps the first', async () => {
    const id = await http.createGroup();
    await authorize(id, { ...tcpFrom(22), Priority: '5', Description: 'first' });
    await authorize(id, { ...tcpFrom(22), Priority: '50', Description: 'second' });
    expect((await http.permissions(id)).map((rule) => [rule.Priority, rule.Description])).toEqual([['5', 'first']]);
  });

  it('keeps an accept and a drop rule for the same traffic at a tied priority', async () => {
    const id = await http.createGroup();
    await authorize(id, { ...tcpFrom(6379), Priority: '20' });
    await authorize(id, { ...tcpFrom(6379), Priority: '20', Policy: 'drop' });
    expect((await http.permissions(id)).map((rule) => [rule.Policy, rule.Priority])).toEqual([
      ['Accept', '20'],
      ['Drop', '20'],
    ]);
  });
});

describe('group references', () => {
  it('names the referenced group in both directions', async () => {
    const web = await http.createGroup({ SecurityGroupName: 'ref-web' });
    const app = await http.createGroup();
    await authorize(app, { IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: web });
    await http.call('AuthorizeSecurityGroupEgress', {
      RegionId: REGION,
      SecurityGroupId: app,
      IpProtocol: 'all',
      DestGroupId: web,
    });
    expect(
      (await http.permissions(app)).map((rule) => [rule.Direction, rule.SourceGroupName, rule.DestGroupName]),
    ).toEqual([
      ['ingress', 'ref-web', ''],
      ['egress', '', 'ref-web'],
    ]);
  });

  it('refuses a group of another VPC', async () => {
    const region = http.emulator.store.region(REGION)!;
    const elsewhere = await http.createGroup({ VpcId: createVpc(http.emulator.store, region).VpcId });
    const id = await http.createGroup();
    expect(await tryAuthorize(id, { IpProtocol: 'all', SourceGroupId: elsewhere })).toEqual({
      code: 'InvalidSourceGroupId.Mismatch',
      status: 400,
    });
  });

  it('refuses references from and to advanced groups', async () => {
    const basic = await http.createGroup();
    const advanced = await http.createGroup({ SecurityGroupType: 'enterprise' });
    const denied = { code: 'InvalidGroupAuthParameter.OperationDenied', status: 400 };
    expect(await tryAuthorize(advanced, { IpProtocol: 'all', SourceGroupId: basic })).toEqual(denied);
    expect(await tryAuthorize(basic, { IpProtocol: 'all', SourceGroupId: advanced })).toEqual(denied);
    expect(
      await http.failure('AuthorizeSecurityGroupEgress', {
        RegionId: REGION,
        SecurityGroupId: basic,
        IpProtocol: 'all',
        DestGroupId: advanced,
      }),
    ).toEqual(denied);
    expect(await http.permissions(basic)).toEqual([]);
    expect(await http.permissions(advanced)).toEqual([]);
  });
});

describe('the 200-rule limit (ingress and egress together)', () => {
  it('refuses the rule past 200 and adds nothing of a batch that would cross it', async () => {
    const id = await http.createGroup();
    await authorize(id, batch(range(1, 100)));
    await http.call('AuthorizeSecurityGroupEgress', {
      RegionId: REGION,
      SecurityGroupId: id,
      Permissions: range(1, 99).map((port) => ({
        IpProtocol: 'tcp',
        PortRange: `${port}/${port}`,
        DestCidrIp: '0.0.0.0/0',
      })),
    });
    expect(await tryAuthorize(id, batch([1000, 1001]))).toEqual({ code: 'AuthorizationLimitExceed', status: 403 });
    expect(await http.permissions(id)).toHaveLength(199);
    // A batch whose only new rule fits is fine: duplicates do not count.
    await authorize(id, batch([1, 2, 1000]));
    expect(await http.permissions(id)).toHaveLength(200);
    expect(await tryAuthorize(id, tcpFrom(1001))).toEqual({ code: 'AuthorizationLimitExceed', status: 403 });
  });
});

describe('parallel writes', () => {
  it('adds one rule when the same rule is authorized many times at once', async () => {
    const id = await http.createGroup();
    await Promise.all(Array.from({ length: 12 }, () => authorize(id, tcpFrom(22))));
    expect(await http.permissions(id)).toHaveLength(1);
  });

  it('never goes past 200 rules when many authorizations race for the last places', async () => {
    const id = await http.createGroup();
    await authorize(id, batch(range(1, 100)));
    await authorize(id, batch(range(101, 95)));
    const results = await Promise.all(range(5000, 12).map((port) => tryAuthorize(id, tcpFrom(port))));
    expect(results.filter((result) => result === undefined)).toHaveLength(5);
    expect(results.filter((result) => result?.code === 'AuthorizationLimitExceed')).toHaveLength(7);
    expect(await http.permissions(id)).toHaveLength(200);
  });
});

describe('DeleteSecurityGroup', () => {
  it('refuses a group with members or referenced by another group, naming them; deletes an unused one', async () => {
    const region = http.emulator.store.region(REGION)!;
    const instance = [...region.instances.values()].find(
      (i) => i.Status === 'Running' && i.lockReasons.length === 0 && i.SecurityGroupIds.length < 5,
    )!;
    const used = await http.createGroup({ VpcId: instance.VpcId });
    await http.call('JoinSecurityGroup', { RegionId: REGION, InstanceId: instance.InstanceId, SecurityGroupId: used });
    const inUse = await http.error('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: used });
    expect({ code: inUse.code, status: inUse.statusCode }).toEqual({ code: 'DependencyViolation', status: 403 });
    expect(inUse.message).toContain(instance.InstanceId);
    await http.call('LeaveSecurityGroup', { RegionId: REGION, InstanceId: instance.InstanceId, SecurityGroupId: used });

    const referencing = await http.createGroup({ VpcId: instance.VpcId });
    await authorize(referencing, { IpProtocol: 'tcp', PortRange: '3306/3306', SourceGroupId: used });
    const referenced = await http.error('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: used });
    expect({ code: referenced.code, status: referenced.statusCode }).toEqual({
      code: 'DependencyViolation',
      status: 403,
    });
    expect(referenced.message).toContain(referencing);

    await http.call('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: referencing });
    await http.call('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: used });
    expect(await http.failure('DescribeSecurityGroupAttribute', { RegionId: REGION, SecurityGroupId: used })).toEqual({
      code: 'InvalidSecurityGroupId.NotFound',
      status: 404,
    });
  });
});

describe('Join/LeaveSecurityGroup', () => {
  it('keeps an instance in at least one and at most five groups', async () => {
    const region = http.emulator.store.region(REGION)!;
    const instance = [...region.instances.values()].find(
      (i) => i.Status === 'Stopped' && i.lockReasons.length === 0 && i.SecurityGroupIds.length === 1,
    )!;
    const [only] = instance.SecurityGroupIds as [string];
    const membership = (action: string, groupId: string) =>
      http.failure(action, { RegionId: REGION, InstanceId: instance.InstanceId, SecurityGroupId: groupId });
    expect(await membership('LeaveSecurityGroup', only)).toEqual({ code: 'InstanceLastSecurityGroup', status: 403 });
    const extra: string[] = [];
    for (let i = 0; i < 5; i++) extra.push(await http.createGroup({ VpcId: instance.VpcId }));
    for (const groupId of extra.slice(0, 4)) expect(await membership('JoinSecurityGroup', groupId)).toBeUndefined();
    expect(await membership('JoinSecurityGroup', extra[4]!)).toEqual({
      code: 'InstanceSecurityGroupLimitExceeded',
      status: 403,
    });
    const page = await http.call('DescribeInstances', {
      RegionId: REGION,
      InstanceIds: JSON.stringify([instance.InstanceId]),
    });
    const [described] = (page.Instances as { Instance: { SecurityGroupIds: { SecurityGroupId: string[] } }[] })
      .Instance;
    expect(described!.SecurityGroupIds.SecurityGroupId).toEqual([only, ...extra.slice(0, 4)]);
    for (const groupId of [only, ...extra.slice(0, 3)])
      expect(await membership('LeaveSecurityGroup', groupId)).toBeUndefined();
    expect(await membership('LeaveSecurityGroup', extra[3]!)).toEqual({
      code: 'InstanceLastSecurityGroup',
      status: 403,
    });
  });
});
