import { beforeEach, describe, expect, it } from 'vitest';
import { createInstance, createVpc } from '../src/store/factories.js';
import { expectApiError } from './support/test-bed.js';
import { securityGroupBed, type SecurityGroupBed } from './support/security-group-bed.js';

let bed: SecurityGroupBed;
beforeEach(() => {
  bed = securityGroupBed();
});

describe('JoinSecurityGroup / LeaveSecurityGroup', () => {
  let base: string;
  let extra: string;
  beforeEach(() => {
    base = bed.createGroup();
    extra = bed.createGroup();
  });

  const instanceIn = (...groups: string[]) => createInstance(bed.store, bed.region, { SecurityGroupIds: groups });
  const join = (instanceId: string, groupId: string, params: Record<string, string> = {}) =>
    bed.call('JoinSecurityGroup', { InstanceId: instanceId, SecurityGroupId: groupId, ...params });
  const leave = (instanceId: string, groupId: string, params: Record<string, string> = {}) =>
    bed.call('LeaveSecurityGroup', { InstanceId: instanceId, SecurityGroupId: groupId, ...params });

  it('adds and removes a Running or Stopped instance, with or without RegionId', () => {
    const running = instanceIn(base);
    expect(join(running.InstanceId, extra)).toEqual({});
    expect(running.SecurityGroupIds).toEqual([base, extra]);
    expect(bed.describeGroups({ SecurityGroupId: extra }).SecurityGroups.SecurityGroup[0]!.EcsCount).toBe(1);
    leave(running.InstanceId, base, { RegionId: bed.regionId });
    expect(running.SecurityGroupIds).toEqual([extra]);
    const stopped = createInstance(bed.store, bed.region, { Status: 'Stopped', SecurityGroupIds: [base] });
    join(stopped.InstanceId, extra);
    expect(stopped.SecurityGroupIds).toEqual([base, extra]);
  });

  it('refuses instances in other states or locked for security', () => {
    const pending = createInstance(bed.store, bed.region, { Status: 'Pending', SecurityGroupIds: [base] });
    expectApiError(() => join(pending.InstanceId, extra), 403, 'IncorrectInstanceStatus');
    const stopping = createInstance(bed.store, bed.region, { Status: 'Stopping', SecurityGroupIds: [base, extra] });
    expectApiError(() => leave(stopping.InstanceId, extra), 403, 'IncorrectInstanceStatus');
    const locked = createInstance(bed.store, bed.region, { SecurityGroupIds: [base], lockReasons: ['security'] });
    expectApiError(() => join(locked.InstanceId, extra), 403, 'InstanceLockedForSecurity');
  });

  it('applies the membership rules', () => {
    const instance = instanceIn(base);
    expectApiError(() => join(instance.InstanceId, base), 403, 'InvalidInstanceId.AlreadyExists');
    const elsewhere = bed.createGroup({ VpcId: createVpc(bed.store, bed.region).VpcId });
    expectApiError(() => join(instance.InstanceId, elsewhere), 400, 'InvalidInstanceId.Mismatch');
    const advanced = bed.createGroup({ SecurityGroupType: 'enterprise' });
    expectApiError(() => join(instance.InstanceId, advanced), 400, 'InvalidOperation.MultiGroupType');
    for (let i = 0; i < 4; i++) join(instance.InstanceId, bed.createGroup());
    expectApiError(() => join(instance.InstanceId, extra), 403, 'InstanceSecurityGroupLimitExceeded');
    expect(instance.SecurityGroupIds).toHaveLength(5);
  });

  it('refuses to leave a group the instance is not in, or its last group', () => {
    const instance = instanceIn(base);
    expectApiError(() => leave(instance.InstanceId, extra), 400, 'InvalidSecurityGroupAssociation.NotFound');
    expectApiError(() => leave(instance.InstanceId, base), 403, 'InstanceLastSecurityGroup');
    expect(instance.SecurityGroupIds).toEqual([base]);
  });

  it('reports unknown instances, groups and regions, and the ENI form', () => {
    const instance = instanceIn(base);
    expectApiError(() => join('i-nowhere', extra), 404, 'InvalidInstanceId.NotFound');
    expectApiError(() => join(instance.InstanceId, 'sg-nowhere'), 404, 'InvalidSecurityGroupId.NotFound');
    expectApiError(() => join(instance.InstanceId, extra, { RegionId: 'mars-1' }), 404, 'InvalidRegionId.NotFound');
    const other = bed.store.addRegion({ ...bed.region.region, RegionId: 'cn-shanghai' }, []);
    expect(other.instances.size).toBe(0);
    expectApiError(
      () => join(instance.InstanceId, extra, { RegionId: 'cn-shanghai' }),
      404,
      'InvalidInstanceId.NotFound',
    );
    expectApiError(
      () => join(instance.InstanceId, extra, { NetworkInterfaceId: 'eni-1' }),
      403,
      'InvalidParam.EniIdAndInstanceId.Conflict',
    );
    expectApiError(
      () => bed.call('JoinSecurityGroup', { SecurityGroupId: extra, NetworkInterfaceId: 'eni-1' }),
      400,
      'InvalidParameter',
    );
    expectApiError(() => bed.call('JoinSecurityGroup', { SecurityGroupId: extra }), 400, 'MissingParameter');
    expectApiError(() => bed.call('LeaveSecurityGroup', { InstanceId: instance.InstanceId }), 400, 'MissingParameter');
  });
});
