import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAll, type Permission } from '@ecs-console/ecs-client';
import {
  REGION_LIST_IDS_MAX,
  SECURITY_GROUP_SUMMARY_FIELDS,
  type SecurityGroupListAnswer,
  type SecurityGroupsByIdAnswer,
} from '@ecs-console/contract';
import { ADMIN_PASSWORD } from './support/console-harness.js';
import { FLEET_REGION, startFleetBed, type FleetBed } from './support/fleet-bed.js';
import { sessionCookie } from './support/raw-http.js';
import { varies, wireRequest } from './support/wire-request.js';

const GROUPS_PATH = `/api/regions/${FLEET_REGION}/security-groups`;
/** More groups than one DescribeSecurityGroups page (50): the listing reads two. */
const GROUPS_WANTED = 60;

let bed: FleetBed;
/** The groups made here, each with one inbound and one outbound rule. */
const made: string[] = [];
beforeAll(async () => {
  // A cache that outlives every test: only writes through the console (or `?ids=`) change what it answers.
  bed = await startFleetBed(4, { CONSOLE_FLEET_CACHE_SECONDS: '300' });
  const existing = await listAll(bed.ecs, 'DescribeSecurityGroups', { RegionId: FLEET_REGION });
  const vpcId = existing[0]!.VpcId;
  for (let n = existing.length; n < GROUPS_WANTED; n++) {
    const { SecurityGroupId } = await bed.ecs.call('CreateSecurityGroup', {
      RegionId: FLEET_REGION,
      VpcId: vpcId,
      SecurityGroupName: `listed-${n}`,
    });
    await bed.ecs.call('AuthorizeSecurityGroup', {
      RegionId: FLEET_REGION,
      SecurityGroupId,
      Permissions: [{ IpProtocol: 'tcp', PortRange: `${1000 + n}/${1000 + n}`, SourceCidrIp: '10.0.0.0/8' }],
    });
    await bed.ecs.call('AuthorizeSecurityGroupEgress', {
      RegionId: FLEET_REGION,
      SecurityGroupId,
      Permissions: [{ IpProtocol: 'udp', PortRange: '53/53', DestCidrIp: '192.168.0.0/16', Policy: 'drop' }],
    });
    made.push(SecurityGroupId);
  }
}, 120_000);
afterAll(() => bed.close());

const calls = (action: string) => bed.emulator.control.status().requestsByAction[action] ?? 0;
const listCalls = () => ({ groups: calls('DescribeSecurityGroups'), rules: calls('DescribeSecurityGroupAttribute') });

async function groups(): Promise<SecurityGroupListAnswer> {
  const answer = await bed.admin.get(GROUPS_PATH);
  if (answer.status !== 200) throw new Error(`security-group listing failed: ${answer.text}`);
  return answer.body as unknown as SecurityGroupListAnswer;
}

/** Every rule of a group as ECS reports it now, both directions. */
async function rulesOf(groupId: string): Promise<{ InnerAccessPolicy: string; Permissions: Permission[] }> {
  const answer = await bed.ecs.call('DescribeSecurityGroupAttribute', {
    RegionId: FLEET_REGION,
    SecurityGroupId: groupId,
    Direction: 'all',
  });
  return { InnerAccessPolicy: answer.InnerAccessPolicy, Permissions: [...answer.Permissions.Permission] };
}

describe('GET /api/regions/:regionId/security-groups', { timeout: 60_000 }, () => {
  it('answers every group with its fields, its intra-group policy and every rule of both directions', async () => {
    const direct = await listAll(bed.ecs, 'DescribeSecurityGroups', { RegionId: FLEET_REGION });
    expect(direct.length).toBeGreaterThan(50);
    await bed.invalidate();
    const before = listCalls();
    const answer = await groups();
    const after = listCalls();
    expect(after.groups - before.groups).toBe(Math.ceil(direct.length / 50));
    expect(after.rules - before.rules).toBe(direct.length);
    expect(answer).toMatchObject({ regionId: FLEET_REGION, totalCount: direct.length });
    expect(answer.securityGroups.map((group) => group.SecurityGroupId)).toEqual(
      direct.map((group) => group.SecurityGroupId),
    );
    for (const group of direct) {
      const listed = answer.securityGroups.find((candidate) => candidate.SecurityGroupId === group.SecurityGroupId)!;
      expect(Object.keys(listed)).toEqual(
        [...SECURITY_GROUP_SUMMARY_FIELDS, 'InnerAccessPolicy', 'Permissions'].filter((field) => field in listed),
      );
      for (const field of SECURITY_GROUP_SUMMARY_FIELDS) expect(listed[field]).toEqual(group[field]);
      expect({ InnerAccessPolicy: listed.InnerAccessPolicy, Permissions: listed.Permissions }).toEqual(
        await rulesOf(group.SecurityGroupId),
      );
    }
    const mine = answer.securityGroups.find((group) => group.SecurityGroupId === made[0])!;
    expect(mine.Permissions.map((rule) => [rule.Direction, rule.IpProtocol, rule.Policy]).sort()).toEqual([
      ['egress', 'UDP', 'Drop'],
      ['ingress', 'TCP', 'Accept'],
    ]);
    expect(Date.parse(answer.fetchedAt)).not.toBeNaN();
  });

  it('answers 304 to If-None-Match with the current version', async () => {
    const first = await bed.admin.get(GROUPS_PATH);
    const version = (first.body as unknown as SecurityGroupListAnswer).version;
    expect(first.headers.get('etag')).toBe(`"${version}"`);
    const unchanged = await bed.admin.request('GET', GROUPS_PATH, undefined, { 'if-none-match': `"${version}"` });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
  });

  it('compresses the listing with brotli or gzip as negotiated, decoding to the same answer', async () => {
    const cookie = await sessionCookie(bed.app.url, 'admin', ADMIN_PASSWORD);
    const raw = await wireRequest(bed.app.url, GROUPS_PATH, { cookie, 'accept-encoding': 'identity' });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip'] as const) {
      const answer = await wireRequest(bed.app.url, GROUPS_PATH, { cookie, 'accept-encoding': encoding });
      expect(answer.headers['content-encoding'], encoding).toBe(encoding);
      expect(varies(answer.headers, 'Accept-Encoding'), encoding).toBe(true);
      expect(answer.wire.length, encoding).toBeLessThan(raw.wire.length / 3);
      expect(answer.decoded.toString(), encoding).toBe(raw.decoded.toString());
    }
  });

  it('20 parallel requests share one listing upstream, its pages and its rule calls', async () => {
    await bed.invalidate();
    const before = listCalls();
    const answers = await Promise.all(Array.from({ length: 20 }, () => bed.admin.get(GROUPS_PATH)));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    const { totalCount } = answers[0]!.body as unknown as SecurityGroupListAnswer;
    const after = listCalls();
    expect(after.groups - before.groups).toBe(Math.ceil(totalCount / 50));
    expect(after.rules - before.rules).toBe(totalCount);
  });

  it('an AuthorizeSecurityGroup through /api/ecs ends the listing: the next one shows the rule', async () => {
    const listed = await groups();
    const groupId = made[1]!;
    const authorized = await bed.admin.post('/api/ecs/AuthorizeSecurityGroup', {
      RegionId: FLEET_REGION,
      SecurityGroupId: groupId,
      Permissions: [{ IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0', Description: 'https' }],
      ClientToken: 'list-after-authorize',
    });
    expect(authorized.status).toBe(200);
    const after = await groups();
    const rules = after.securityGroups.find((group) => group.SecurityGroupId === groupId)!.Permissions;
    expect(rules.find((rule) => rule.Description === 'https')).toMatchObject({
      Direction: 'ingress',
      PortRange: '443/443',
      SourceCidrIp: '0.0.0.0/0',
    });
    expect(after.version).not.toBe(listed.version);
  });

  it('?ids= answers those groups with their rules from ECS and patches the shared listing', async () => {
    const groupId = made[2]!;
    // A rule added outside the console: the shared listing cannot know.
    await bed.ecs.call('AuthorizeSecurityGroup', {
      RegionId: FLEET_REGION,
      SecurityGroupId: groupId,
      Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.1.0.0/16', Description: 'outside' }],
    });
    const stale = (await groups()).securityGroups.find((group) => group.SecurityGroupId === groupId)!;
    expect(stale.Permissions.some((rule) => rule.Description === 'outside')).toBe(false);

    const before = listCalls();
    const answer = await bed.admin.get(`${GROUPS_PATH}?ids=${groupId},sg-nosuchgroup00,${groupId}`);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as SecurityGroupsByIdAnswer;
    expect(body.requestedIds).toEqual([groupId, 'sg-nosuchgroup00']);
    const after = listCalls();
    expect(after.groups - before.groups).toBe(1);
    expect(after.rules - before.rules).toBe(1);
    expect(body.securityGroups.map((group) => group.SecurityGroupId)).toEqual([groupId]);
    expect(body.securityGroups[0]!.Permissions).toEqual((await rulesOf(groupId)).Permissions);
    const patched = (await groups()).securityGroups.find((group) => group.SecurityGroupId === groupId)!;
    expect(patched.Permissions.some((rule) => rule.Description === 'outside')).toBe(true);
    expect(listCalls().groups).toBe(after.groups);
  });

  it('?ids= naming more groups than one DescribeSecurityGroups page answers them all', async () => {
    const ids = made.slice(0, 55);
    const answer = await bed.admin.get(`${GROUPS_PATH}?ids=${ids.join(',')}`);
    expect(answer.status).toBe(200);
    const body = answer.body as unknown as SecurityGroupsByIdAnswer;
    expect(body.securityGroups.map((group) => group.SecurityGroupId).sort()).toEqual([...ids].sort());
  });

  it.each([
    ['an instance ID', 'i-notagroup00'],
    ['a rule ID', 'sgr-notagroup00'],
    ['an empty list', ''],
    ['more than the most IDs', Array.from({ length: REGION_LIST_IDS_MAX + 1 }, (_, n) => `sg-many${n}x`).join(',')],
  ])('refuses %s in ids with 400 InvalidParameter', async (_case, ids) => {
    const before = listCalls();
    const answer = await bed.admin.get(`${GROUPS_PATH}?ids=${ids}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.requestId).toEqual(expect.any(String));
    expect(answer.body.message).toContain('ids');
    expect(listCalls()).toEqual(before);
  });

  it.each([
    ['a failed rule call', 'DescribeSecurityGroupAttribute'],
    ['a failed page', 'DescribeSecurityGroups'],
  ])('passes %s on with ECS status, code and RequestId, and lists again next time', async (_what, action) => {
    await bed.invalidate();
    bed.emulator.control.injectError({
      action,
      code: 'Forbidden.RAM',
      httpStatus: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const answer = await bed.admin.get(GROUPS_PATH);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('Forbidden.RAM');
    expect(answer.body.requestId).toEqual(expect.any(String));
    await vi.waitFor(async () => expect((await bed.admin.get(GROUPS_PATH)).status).toBe(200));
  });

  it('leaves out a group deleted between its page and its rules (InvalidSecurityGroupId.NotFound)', async () => {
    const whole = await groups();
    await bed.invalidate();
    bed.emulator.control.injectError({
      action: 'DescribeSecurityGroupAttribute',
      code: 'InvalidSecurityGroupId.NotFound',
      httpStatus: 404,
      message: 'The specified security group does not exist.',
    });
    const answer = await groups();
    expect(answer.totalCount).toBe(whole.totalCount - 1);
    expect(answer.securityGroups).toHaveLength(whole.totalCount - 1);
    const listed = new Set(answer.securityGroups.map((group) => group.SecurityGroupId));
    expect(whole.securityGroups.filter((group) => !listed.has(group.SecurityGroupId))).toHaveLength(1);
  });

  it('refuses a malformed region with 400', async () => {
    const answer = await bed.admin.get('/api/regions/NOT_A_REGION/security-groups');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameter');
    expect(answer.body.requestId).toEqual(expect.any(String));
  });
});
