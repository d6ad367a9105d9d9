import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REGION,
  securityGroupHttp,
  type SecurityGroupHttp,
  type WirePermission,
} from './support/security-group-http.js';

/** The default estate's security-group landmarks, as the console reads them over HTTP. */
let http: SecurityGroupHttp;
let byName: Map<string, Record<string, unknown>>;
beforeAll(async () => {
  http = await securityGroupHttp();
  const page = await http.call('DescribeSecurityGroups', { RegionId: REGION, MaxResults: 100 });
  const groups = (page.SecurityGroups as { SecurityGroup: Record<string, unknown>[] }).SecurityGroup;
  byName = new Map(groups.map((group) => [group.SecurityGroupName as string, group]));
});
afterAll(() => http.close());

const idOf = (name: string) => byName.get(name)!.SecurityGroupId as string;
const rulesOf = (name: string) => http.permissions(idOf(name));
const peerOf = (rule: WirePermission) =>
  rule.SourceCidrIp || rule.Ipv6SourceCidrIp || rule.SourceGroupName || rule.DestCidrIp || rule.DestGroupName;
const summary = (rules: WirePermission[]) =>
  rules.map(
    (rule) => `${rule.Direction} ${rule.Policy} ${rule.Priority} ${rule.IpProtocol} ${rule.PortRange} ${peerOf(rule)}`,
  );

describe('the security-group landmarks of the default estate', () => {
  it('has web-public with SSH and RDP open to the world over IPv4 and IPv6, and mergeable neighbours', async () => {
    const rules = summary(await rulesOf('web-public'));
    for (const port of ['22/22', '3389/3389']) {
      expect(rules).toContain(`ingress Accept 1 TCP ${port} 0.0.0.0/0`);
      expect(rules).toContain(`ingress Accept 1 TCP ${port} ::/0`);
    }
    expect(rules).toContain('ingress Accept 1 TCP 8000/8079 198.51.100.0/24');
    expect(rules).toContain('ingress Accept 1 TCP 8080/8099 198.51.100.0/24');
  });

  it('has app-internal allowing MySQL from web-public, allows overridden by denies, and an egress deny', async () => {
    const rules = summary(await rulesOf('app-internal'));
    expect(rules).toContain('ingress Accept 1 TCP 3306/3306 web-public');
    expect(rules).toContain('ingress Accept 50 TCP 9000/9100 10.0.0.0/8');
    expect(rules).toContain('ingress Drop 10 TCP 9000/9100 10.0.0.0/8');
    expect(rules).toContain('ingress Accept 20 TCP 6379/6379 10.1.0.0/16');
    expect(rules).toContain('ingress Drop 20 TCP 6379/6379 10.0.0.0/8');
    expect(rules).toContain('egress Drop 100 ALL -1/-1 0.0.0.0/0');
  });

  it('has legacy-wide-open, whose allow-all rule shadows the narrower rules after it', async () => {
    expect(summary(await rulesOf('legacy-wide-open'))).toEqual([
      'ingress Accept 1 ALL -1/-1 0.0.0.0/0',
      'ingress Accept 10 TCP 22/22 203.0.113.0/24',
      'ingress Accept 50 TCP 5432/5432 10.0.0.0/8',
      'egress Accept 1 ALL -1/-1 0.0.0.0/0',
    ]);
    expect(byName.get('legacy-wide-open')).toMatchObject({ EcsCount: 1 });
  });

  it('has an advanced group that isolates its members and a basic group left empty and unused', async () => {
    expect(byName.get('db-private')).toMatchObject({ SecurityGroupType: 'enterprise' });
    expect((await http.group(idOf('db-private'))).InnerAccessPolicy).toBe('Drop');
    expect((await http.group(idOf('web-public'))).InnerAccessPolicy).toBe('Accept');
    expect(byName.get('scratch-unused')).toMatchObject({ SecurityGroupType: 'normal', EcsCount: 0, RuleCount: 0 });
  });

  it('puts the production web server in web-public, app-internal and its scenario group', async () => {
    const page = await http.call('DescribeInstances', { RegionId: REGION, SecurityGroupId: idOf('app-internal') });
    const members = (
      page.Instances as { Instance: { InstanceName: string; SecurityGroupIds: { SecurityGroupId: string[] } }[] }
    ).Instance;
    expect(members).toHaveLength(1);
    expect(members[0]!.InstanceName).toMatch(/^web-prod-/);
    const [scenario, ...landmarks] = members[0]!.SecurityGroupIds.SecurityGroupId;
    expect(landmarks).toEqual([idOf('web-public'), idOf('app-internal')]);
    expect((await http.group(scenario!)).SecurityGroupName).toBe('sg-web');
  });

  it('refuses to delete web-public (members, and app-internal refers to it) but deletes scratch-unused', async () => {
    const refused = await http.error('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: idOf('web-public') });
    expect(refused.code).toBe('DependencyViolation');
    await http.call('DeleteSecurityGroup', { RegionId: REGION, SecurityGroupId: idOf('scratch-unused') });
  });
});
