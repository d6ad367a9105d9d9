import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialSdkCaller, type WireCall } from './support/official-clients.js';
import { REGION, securityGroupHttp, type SecurityGroupHttp } from './support/security-group-http.js';

/** The Modify* actions of security groups and their rules, over HTTP against the default estate. */
let http: SecurityGroupHttp;
beforeAll(async () => {
  http = await securityGroupHttp();
});
afterAll(() => http.close());

const SSH = { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };
const listed = async (groupId: string) => {
  const page = await http.call('DescribeSecurityGroups', { RegionId: REGION, SecurityGroupId: groupId });
  return (page.SecurityGroups as { SecurityGroup: Record<string, unknown>[] }).SecurityGroup[0]!;
};

describe('ModifySecurityGroupAttribute', () => {
  it('renames and redescribes a group, keeping what is not sent', async () => {
    const id = await http.createGroup({ SecurityGroupName: 'before', Description: 'first words' });
    await http.call('ModifySecurityGroupAttribute', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupName: 'after',
    });
    expect(await listed(id)).toMatchObject({ SecurityGroupName: 'after', Description: 'first words' });
    await http.call('ModifySecurityGroupAttribute', {
      RegionId: REGION,
      SecurityGroupId: id,
      Description: 'new words',
    });
    expect(await http.group(id)).toMatchObject({ SecurityGroupName: 'after', Description: 'new words' });
  });

  it('validates the name and description as CreateSecurityGroup does, changing nothing on error', async () => {
    const id = await http.createGroup({ SecurityGroupName: 'kept', Description: 'kept too' });
    const modify = (params: Record<string, string>) =>
      http.failure('ModifySecurityGroupAttribute', { RegionId: REGION, SecurityGroupId: id, ...params });
    for (const name of ['1abc', 'a', 'http://x', 'has space', 'x'.repeat(129)]) {
      expect(await modify({ SecurityGroupName: name })).toEqual({
        code: 'InvalidSecurityGroupName.Malformed',
        status: 400,
      });
    }
    for (const description of ['a', 'https://example.com', 'd'.repeat(257)]) {
      expect(await modify({ SecurityGroupName: 'other', Description: description })).toEqual({
        code: 'InvalidSecurityGroupDiscription.Malformed',
        status: 400,
      });
    }
    expect(await listed(id)).toMatchObject({ SecurityGroupName: 'kept', Description: 'kept too' });
    expect(await modify({ SecurityGroupId: 'sg-nowhere' })).toEqual({
      code: 'InvalidSecurityGroupId.NotFound',
      status: 404,
    });
  });

  it('shows the new name wherever a rule references the group', async () => {
    const [web, app] = [await http.createGroup({ SecurityGroupName: 'web-old' }), await http.createGroup()];
    await http.call('AuthorizeSecurityGroup', {
      RegionId: REGION,
      SecurityGroupId: app,
      IpProtocol: 'tcp',
      PortRange: '3306/3306',
      SourceGroupId: web,
    });
    await http.call('ModifySecurityGroupAttribute', {
      RegionId: REGION,
      SecurityGroupId: web,
      SecurityGroupName: 'web-new',
    });
    expect((await http.permissions(app))[0]).toMatchObject({ SourceGroupId: web, SourceGroupName: 'web-new' });
  });
});

describe('ModifySecurityGroupPolicy', () => {
  const policy = async (groupId: string) => (await http.group(groupId)).InnerAccessPolicy;

  it('switches a basic group between Accept (its default) and Drop, in any case', async () => {
    const id = await http.createGroup();
    expect(await policy(id)).toBe('Accept');
    await http.call('ModifySecurityGroupPolicy', { RegionId: REGION, SecurityGroupId: id, InnerAccessPolicy: 'drop' });
    expect(await policy(id)).toBe('Drop');
    await http.call('ModifySecurityGroupPolicy', {
      RegionId: REGION,
      SecurityGroupId: id,
      InnerAccessPolicy: 'ACCEPT',
    });
    expect(await policy(id)).toBe('Accept');
  });

  it('refuses a bad or missing policy, and any change to an advanced group, which isolates its members', async () => {
    const basic = await http.createGroup();
    const modify = (groupId: string, value?: string) =>
      http.failure('ModifySecurityGroupPolicy', {
        RegionId: REGION,
        SecurityGroupId: groupId,
        InnerAccessPolicy: value,
      });
    expect(await modify(basic, 'allow')).toEqual({ code: 'InvalidPolicy.Malformed', status: 400 });
    expect(await modify(basic)).toEqual({ code: 'MissingParameter', status: 400 });
    const advanced = await http.createGroup({ SecurityGroupType: 'enterprise' });
    expect(await policy(advanced)).toBe('Drop');
    expect(await modify(advanced, 'Accept')).toEqual({ code: 'InvalidParameter.InnerAccessPolicy', status: 404 });
    expect(await policy(advanced)).toBe('Drop');
  });
});

describe('ModifySecurityGroupRule / ModifySecurityGroupEgressRule by SecurityGroupRuleId', () => {
  let id: string;
  let ingress: string;
  let egress: string;
  beforeAll(async () => {
    id = await http.createGroup();
    await http.call('AuthorizeSecurityGroup', {
      RegionId: REGION,
      SecurityGroupId: id,
      ...SSH,
      DestCidrIp: '172.16.0.0/12',
      Description: 'ssh',
    });
    await http.call('AuthorizeSecurityGroupEgress', {
      RegionId: REGION,
      SecurityGroupId: id,
      IpProtocol: 'tcp',
      PortRange: '443/443',
      DestCidrIp: '0.0.0.0/0',
      Description: 'https',
    });
    const rules = await http.permissions(id);
    ingress = rules.find((rule) => rule.Direction === 'ingress')!.SecurityGroupRuleId;
    egress = rules.find((rule) => rule.Direction === 'egress')!.SecurityGroupRuleId;
  });
  const rule = async (ruleId: string) => (await http.permissions(id)).find((p) => p.SecurityGroupRuleId === ruleId)!;
  const modifyEgress = (params: Record<string, string>) =>
    http.failure('ModifySecurityGroupEgressRule', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupRuleId: egress,
      ...params,
    });
  const modifyIngress = (params: Record<string, string>) =>
    http.failure('ModifySecurityGroupRule', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupRuleId: ingress,
      ...params,
    });

  it('edits an egress rule in place: same ID and creation time, new fields', async () => {
    const before = await rule(egress);
    expect(
      await modifyEgress({ DestCidrIp: '100.100.0.0/16', PortRange: '80/443', Policy: 'drop', Priority: '7' }),
    ).toBeUndefined();
    expect(await rule(egress)).toMatchObject({
      SecurityGroupRuleId: egress,
      CreateTime: before.CreateTime,
      Direction: 'egress',
      IpProtocol: 'TCP',
      PortRange: '80/443',
      DestCidrIp: '100.100.0.0/16',
      Policy: 'Drop',
      Priority: '7',
      Description: 'https',
    });
  });

  it('finds rules only in its own direction', async () => {
    expect(await modifyEgress({ SecurityGroupRuleId: ingress, Description: 'x' })).toEqual({
      code: 'SecurityGroupRule.NotFound',
      status: 404,
    });
    expect(await modifyIngress({ SecurityGroupRuleId: egress, Description: 'x' })).toEqual({
      code: 'SecurityGroupRule.NotFound',
      status: 404,
    });
    expect(await modifyIngress({ SecurityGroupRuleId: 'sgr-nowhere', Description: 'x' })).toEqual({
      code: 'SecurityGroupRule.NotFound',
      status: 404,
    });
  });

  it('keeps the kind of authorization object: IPv4 stays IPv4, a group stays a group', async () => {
    const peer = await http.createGroup();
    const denied = { code: 'InvalidOperation.ModifySgRuleEntityType', status: 400 };
    expect(await modifyEgress({ DestGroupId: peer })).toEqual(denied);
    expect(await modifyEgress({ Ipv6DestCidrIp: '::/0' })).toEqual(denied);
    expect(await modifyIngress({ SourceGroupId: peer })).toEqual(denied);
    await http.call('AuthorizeSecurityGroupEgress', {
      RegionId: REGION,
      SecurityGroupId: id,
      IpProtocol: 'all',
      DestGroupId: peer,
    });
    const groupRule = (await http.permissions(id)).find((p) => p.DestGroupId === peer)!.SecurityGroupRuleId;
    expect(await modifyEgress({ SecurityGroupRuleId: groupRule, DestCidrIp: '10.0.0.0/8' })).toEqual(denied);
    const other = await http.createGroup({ SecurityGroupName: 'other-peer' });
    expect(await modifyEgress({ SecurityGroupRuleId: groupRule, DestGroupId: other })).toBeUndefined();
    expect(await rule(groupRule)).toMatchObject({ DestGroupId: other, DestGroupName: 'other-peer', DestCidrIp: '' });
  });

  it('refuses to clear a field that has a value, changing nothing', async () => {
    const cleared = { code: 'InvalidParam.InvalidModifyRuleRequest', status: 400 };
    expect(await modifyIngress({ DestCidrIp: '', Priority: '5' })).toEqual(cleared);
    expect(await modifyIngress({ Description: '' })).toEqual(cleared);
    expect(await modifyIngress({ SourceCidrIp: '' })).toEqual(cleared);
    expect(await rule(ingress)).toMatchObject({ DestCidrIp: '172.16.0.0/12', Priority: '1', Description: 'ssh' });
    // An empty field that was empty anyway is no change at all.
    expect(await modifyIngress({ Ipv6DestCidrIp: '', Priority: '5' })).toBeUndefined();
    expect((await rule(ingress)).Priority).toBe('5');
  });

  it('refuses a change that would duplicate another rule of the direction, and names it', async () => {
    await http.call('AuthorizeSecurityGroup', {
      RegionId: REGION,
      SecurityGroupId: id,
      ...SSH,
      PortRange: '2222/2222',
      DestCidrIp: '172.16.0.0/12',
    });
    const twin = (await http.permissions(id)).find((p) => p.PortRange === '2222/2222')!.SecurityGroupRuleId;
    const error = await http.error('ModifySecurityGroupRule', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupRuleId: ingress,
      PortRange: '2222/2222',
      Priority: '60',
      Description: 'again',
    });
    expect({ code: error.code, status: error.statusCode }).toEqual({
      code: 'InvalidOperation.RuleDuplicate',
      status: 400,
    });
    expect(error.message).toContain(twin);
    expect((await rule(ingress)).PortRange).toBe('22/22');
  });

  it('answers a ClientToken retry with the first result', async () => {
    const params = {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupRuleId: ingress,
      Description: 'first',
      ClientToken: 'modify-1',
    };
    await http.call('ModifySecurityGroupRule', params);
    await http.call('ModifySecurityGroupRule', { ...params, SecurityGroupRuleId: ingress, Description: 'first' });
    expect((await rule(ingress)).Description).toBe('first');
    expect(await http.failure('ModifySecurityGroupRule', { ...params, Description: 'second' })).toEqual({
      code: 'IdempotentParameterMismatch',
      status: 400,
    });
  });
});

describe('the new actions through the official SDK', () => {
  let sdk: WireCall;
  // Loading the CommonJS SDK takes seconds on a shared machine; not a performance check.
  beforeAll(() => {
    const { credentials, url } = http.emulator;
    sdk = officialSdkCaller(url, credentials.accessKeyId, credentials.accessKeySecret);
  }, 30_000);

  it('takes exactly the SDK parameter names of ModifySecurityGroupAttribute, ModifySecurityGroupPolicy and ModifySecurityGroupEgressRule', async () => {
    const id = await http.createGroup();
    await sdk('ModifySecurityGroupAttribute', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupName: 'by-sdk',
      Description: 'set by the SDK',
    });
    await sdk('ModifySecurityGroupPolicy', {
      RegionId: REGION,
      SecurityGroupId: id,
      InnerAccessPolicy: 'Drop',
      ClientToken: 'sdk-policy',
    });
    await sdk('AuthorizeSecurityGroupEgress', {
      RegionId: REGION,
      SecurityGroupId: id,
      IpProtocol: 'udp',
      PortRange: '53/53',
      DestCidrIp: '10.0.0.2',
    });
    const ruleId = (await http.permissions(id))[0]!.SecurityGroupRuleId;
    await sdk('ModifySecurityGroupEgressRule', {
      RegionId: REGION,
      SecurityGroupId: id,
      SecurityGroupRuleId: ruleId,
      PortRange: '53/54',
      Description: 'DNS',
    });
    expect(await http.group(id)).toMatchObject({
      SecurityGroupName: 'by-sdk',
      Description: 'set by the SDK',
      InnerAccessPolicy: 'Drop',
    });
    expect((await http.permissions(id))[0]).toMatchObject({
      SecurityGroupRuleId: ruleId,
      PortRange: '53/54',
      Description: 'DNS',
      DestCidrIp: '10.0.0.2',
    });
  });
});
