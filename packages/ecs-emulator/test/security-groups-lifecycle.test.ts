import { beforeEach, describe, expect, it } from 'vitest';
import { createInstance } from '../src/store/factories.js';
import { START, expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('CreateSecurityGroup', () => {
  it('creates a rule-less group in the VPC with its name, description, type and tags', () => {
    bed.clock.advance(5_000);
    const id = bed.createGroup({
      SecurityGroupName: 'web-tier_1.a:b',
      Description: 'front end',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'empty',
    });
    expect(id).toMatch(/^sg-bp1[a-z0-9]{17}$/);
    const record = bed.group(id);
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
    const id = bed.createGroup({ SecurityGroupType: 'enterprise' });
    expect(bed.group(id)).toMatchObject({ SecurityGroupType: 'enterprise', InnerAccessPolicy: 'Drop' });
    expectApiError(() => bed.createGroup({ SecurityGroupType: 'advanced' }), 400, 'InvalidParameter');
  });

  it('requires a VPC of the region', () => {
    expectApiError(() => bed.call('CreateSecurityGroup', bed.regionParams()), 403, 'InvalidVpcId.NotFound');
    expectApiError(() => bed.createGroup({ VpcId: 'vpc-nowhere' }), 404, 'InvalidVpcId.NotFound');
    expectApiError(() => bed.call('CreateSecurityGroup', { VpcId: bed.vpc.VpcId }), 400, 'MissingParameter');
    expectApiError(
      () => bed.call('CreateSecurityGroup', { RegionId: 'mars-1', VpcId: bed.vpc.VpcId }),
      404,
      'InvalidRegionId.NotFound',
    );
  });

  it('checks the name and description rules', () => {
    for (const name of ['1abc', 'a', 'http://x', 'has space', 'x'.repeat(129)]) {
      expectApiError(() => bed.createGroup({ SecurityGroupName: name }), 400, 'InvalidSecurityGroupName.Malformed');
    }
    expect(bed.group(bed.createGroup({ SecurityGroupName: '安全组' })).SecurityGroupName).toBe('安全组');
    for (const description of ['a', 'http://example.com', 'd'.repeat(257)]) {
      expectApiError(() => bed.createGroup({ Description: description }), 400, 'InvalidDescription.Malformed');
    }
  });

  it('checks the tag rules', () => {
    for (const key of ['aliyun-x', 'ACS:x', 'see http://x', 'k'.repeat(129)]) {
      expectApiError(() => bed.createGroup({ 'Tag.1.Key': key, 'Tag.1.Value': 'v' }), 400, 'InvalidTagKey.Malformed');
    }
    expectApiError(() => bed.createGroup({ 'Tag.1.Value': 'orphan' }), 400, 'InvalidTagKey.Malformed');
    expectApiError(
      () => bed.createGroup({ 'Tag.1.Key': 'k', 'Tag.1.Value': 'https://x' }),
      400,
      'InvalidTagValue.Malformed',
    );
    expectApiError(
      () => bed.createGroup({ 'Tag.1.Key': 'k', 'Tag.1.Value': 'a', 'Tag.2.Key': 'k', 'Tag.2.Value': 'b' }),
      400,
      'Duplicate.TagKey',
    );
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key`, `k${i}`]));
    expectApiError(() => bed.createGroup(many), 400, 'InvalidTagCount');
  });

  it('refuses resource groups, which the emulator does not have', () => {
    expectApiError(() => bed.createGroup({ ResourceGroupId: 'rg-1' }), 404, 'InvalidResourceGroup.NotFound');
  });

  it('allows 100 groups per region', () => {
    for (let i = 0; i < 100; i++) bed.createGroup();
    expectApiError(() => bed.createGroup(), 403, 'QuotaExceed.SecurityGroup');
    expect(bed.region.securityGroups.size).toBe(100);
  });

  it('answers a repeated ClientToken with the first result and refuses it with other parameters', () => {
    const first = bed.createGroup({ ClientToken: 'token-1', SecurityGroupName: 'one' });
    expect(bed.createGroup({ ClientToken: 'token-1', SecurityGroupName: 'one' })).toBe(first);
    expect(bed.region.securityGroups.size).toBe(1);
    expectApiError(
      () => bed.createGroup({ ClientToken: 'token-1', SecurityGroupName: 'two' }),
      400,
      'IdempotentParameterMismatch',
    );
    expect(bed.createGroup({ ClientToken: 'token-2', SecurityGroupName: 'one' })).not.toBe(first);
  });
});

describe('DeleteSecurityGroup', () => {
  it('deletes the group with its rules and forgets its ID', () => {
    const id = bed.createGroup();
    bed.authorize(id, { IpProtocol: 'all', SourceGroupId: id });
    expect(bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: id }))).toEqual({});
    expect(bed.region.securityGroups.has(id)).toBe(false);
    expect(bed.store.regionOf(id)).toBeUndefined();
    expectApiError(
      () => bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: id })),
      404,
      'InvalidSecurityGroupId.NotFound',
    );
  });

  it('refuses while instances are members or other groups reference it', () => {
    const id = bed.createGroup();
    const instance = createInstance(bed.store, bed.region, { SecurityGroupIds: [id] });
    expectApiError(
      () => bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: id })),
      403,
      'DependencyViolation',
    );
    instance.SecurityGroupIds = [];
    const other = bed.createGroup();
    bed.authorizeEgress(other, { IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: id });
    expectApiError(
      () => bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: id })),
      403,
      'DependencyViolation',
    );
    bed.call(
      'RevokeSecurityGroupEgress',
      bed.regionParams({ SecurityGroupId: other, IpProtocol: 'tcp', PortRange: '443/443', DestGroupId: id }),
    );
    bed.call('DeleteSecurityGroup', bed.regionParams({ SecurityGroupId: id }));
    expect(bed.region.securityGroups.has(id)).toBe(false);
  });
});
