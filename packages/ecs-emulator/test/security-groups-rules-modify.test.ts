import { beforeEach, describe, expect, it } from 'vitest';
import { expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed, SSH } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('ModifySecurityGroupRule', () => {
  let id: string;
  let ruleId: string;
  beforeEach(() => {
    id = bed.createGroup();
    bed.authorize(id, { ...SSH, Description: 'ssh' });
    ruleId = bed.group(id).rules[0]!.SecurityGroupRuleId;
  });

  const modify = (params: Record<string, string>) =>
    bed.call('ModifySecurityGroupRule', bed.regionParams({ SecurityGroupId: id, ...params }));

  it('edits a rule by ID, keeping what is not sent', () => {
    modify({
      SecurityGroupRuleId: ruleId,
      PortRange: '2222/2222',
      SourceCidrIp: '192.168.0.0/16',
      Policy: 'drop',
      Priority: '9',
    });
    expect(bed.permissions(id)).toEqual([
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
    expect(bed.permissions(id)[0]).toMatchObject({ IpProtocol: 'ALL', PortRange: '-1/-1', Description: 'anything' });
  });

  it('refuses to change the kind of source, the NIC type, or to duplicate a rule', () => {
    const peer = bed.createGroup();
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
    bed.authorize(id, { ...SSH, PortRange: '80/80' });
    expectApiError(
      () => modify({ SecurityGroupRuleId: ruleId, PortRange: '80/80' }),
      400,
      'InvalidOperation.RuleDuplicate',
    );
    expectApiError(() => modify({ SecurityGroupRuleId: ruleId, IpProtocol: 'icmp' }), 400, 'OperationDenied');
    expect(bed.permissions(id)[0]).toMatchObject({ PortRange: '22/22', IpProtocol: 'TCP' });
  });

  it('edits group rules within their kind', () => {
    const [peer, other] = [bed.createGroup(), bed.createGroup({ SecurityGroupName: 'other' })];
    bed.authorize(id, { IpProtocol: 'all', SourceGroupId: peer });
    const groupRule = bed.group(id).rules[1]!.SecurityGroupRuleId;
    modify({ SecurityGroupRuleId: groupRule, SourceGroupId: other });
    expect(bed.permissions(id)[1]).toMatchObject({ SourceGroupId: other, SourceGroupName: 'other' });
  });

  it('reports rules it cannot find', () => {
    expectApiError(
      () => modify({ SecurityGroupRuleId: 'sgr-none', Description: 'x' }),
      404,
      'SecurityGroupRule.NotFound',
    );
    bed.authorizeEgress(id, { IpProtocol: 'all', DestCidrIp: '0.0.0.0/0' });
    const egress = bed.group(id).rules[1]!.SecurityGroupRuleId;
    expectApiError(() => modify({ SecurityGroupRuleId: egress, Description: 'x' }), 404, 'SecurityGroupRule.NotFound');
    expectApiError(() => modify({ ...SSH, PortRange: '23/23', Description: 'x' }), 404, 'SecurityGroupRule.NotFound');
  });

  it('changes only the description of a rule found by its fields', () => {
    modify({ ...SSH, Priority: '50', Description: 'bastion' });
    expect(bed.permissions(id)[0]).toMatchObject({
      SecurityGroupRuleId: ruleId,
      Description: 'bastion',
      Priority: '1',
    });
  });
});
