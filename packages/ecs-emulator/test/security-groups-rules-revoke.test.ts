import { beforeEach, describe, expect, it } from 'vitest';
import { expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed, SSH } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('RevokeSecurityGroup / RevokeSecurityGroupEgress', () => {
  let id: string;
  beforeEach(() => {
    id = bed.createGroup();
    bed.authorize(id, { ...SSH, Priority: '3', Description: 'ssh' });
    bed.authorize(id, { IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: '0.0.0.0/0' });
    bed.authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
  });

  const revoke = (params: Record<string, string>) =>
    bed.call('RevokeSecurityGroup', bed.regionParams({ SecurityGroupId: id, ...params }));
  const revokeEgress = (params: Record<string, string>) =>
    bed.call('RevokeSecurityGroupEgress', bed.regionParams({ SecurityGroupId: id, ...params }));
  const ports = () => bed.permissions(id).map((p) => `${p.Direction} ${p.PortRange}`);

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
    const [ssh, http, egress] = bed.group(id).rules.map((rule) => rule.SecurityGroupRuleId);
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
      () => bed.call('RevokeSecurityGroup', bed.regionParams({ SecurityGroupId: 'sg-nowhere', ...SSH })),
      404,
      'InvalidSecurityGroupId.NotFound',
    );
  });
});
