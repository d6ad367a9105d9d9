import { describe, expect, it } from 'vitest';
import { ecsCallFor } from '@/features/instances/logic/action-requests';
import {
  actionAvailability,
  INSTANCE_ACTION_RULES,
  type InstanceAction,
} from '@/features/instances/logic/allowed-actions';
import { hasRole, type Role } from '@ecs-console/contract';
import type { InstanceStatus } from '@ecs-console/ecs-client';
import { makeInstance } from './fixtures';

const withStatus = (statuses: string[]) =>
  statuses.map((Status, i) => makeInstance({ InstanceId: `i-${i}`, Status: Status as InstanceStatus }));
const enabled = (action: InstanceAction, statuses: string[], role: Role) =>
  actionAvailability(action, withStatus(statuses), role).enabled;

describe('allowed actions by status', () => {
  it.each([
    ['start', 'Stopped', true],
    ['start', 'Running', false],
    ['stop', 'Running', true],
    ['stop', 'Stopped', false],
    ['reboot', 'Running', true],
    ['reboot', 'Stopped', false],
    ['delete', 'Stopped', true],
    ['delete', 'Running', true],
  ] as const)('%s on a %s instance: %s', (action, status, expected) => {
    expect(enabled(action, [status], 'admin')).toBe(expected);
  });

  it('allows nothing while an instance is changing state', () => {
    for (const status of ['Pending', 'Starting', 'Stopping']) {
      for (const action of ['start', 'stop', 'reboot', 'delete'] as const) {
        expect(enabled(action, [status], 'admin')).toBe(false);
      }
    }
  });

  it('needs every selected instance to allow the action', () => {
    expect(actionAvailability('stop', withStatus(['Running', 'Stopped']), 'operator')).toEqual({
      enabled: false,
      reason: 'status',
    });
    expect(enabled('stop', ['Running', 'Running'], 'operator')).toBe(true);
  });

  it('needs a selection', () => {
    expect(actionAvailability('start', [], 'admin')).toEqual({ enabled: false, reason: 'noSelection' });
  });
});

describe('allowed actions by role', () => {
  it('lets operators start, stop and reboot but not delete', () => {
    expect(enabled('start', ['Stopped'], 'operator')).toBe(true);
    expect(enabled('stop', ['Running'], 'operator')).toBe(true);
    expect(enabled('reboot', ['Running'], 'operator')).toBe(true);
    expect(actionAvailability('delete', withStatus(['Stopped']), 'operator')).toEqual({
      enabled: false,
      reason: 'role',
    });
  });

  it('lets viewers do nothing, and says it is the role even without a selection', () => {
    for (const action of ['start', 'stop', 'reboot', 'delete'] as const) {
      expect(actionAvailability(action, [], 'viewer')).toEqual({ enabled: false, reason: 'role' });
    }
  });

  it('orders roles viewer < operator < admin', () => {
    expect(hasRole('admin', 'operator')).toBe(true);
    expect(hasRole('operator', 'operator')).toBe(true);
    expect(hasRole('viewer', 'operator')).toBe(false);
    expect(hasRole('operator', 'admin')).toBe(false);
  });
});

describe('what ECS refuses, refused early', () => {
  const lock = (LockReason: string) => ({ LockReason: [{ LockReason }] });
  const subscription = makeInstance({ InstanceId: 'i-sub', InstanceName: 'db-1', InstanceChargeType: 'PrePaid' });
  const protectedOne = makeInstance({ InstanceId: 'i-prot', Status: 'Stopped', DeletionProtection: true });
  const expired = makeInstance({ InstanceId: 'i-exp', Status: 'Stopped', OperationLocks: lock('financial') });
  const quarantined = makeInstance({ InstanceId: 'i-sec', Status: 'Running', OperationLocks: lock('security') });
  const plain = makeInstance({ InstanceId: 'i-plain', Status: 'Stopped' });

  it('keeps every rule of an action in one table: role, statuses and refusals', () => {
    expect(INSTANCE_ACTION_RULES.delete).toEqual({
      role: 'admin',
      statuses: ['Stopped', 'Running'],
      refusals: ['securityLock', 'deletionProtection', 'subscription'],
    });
  });

  it('refuses to delete a subscription instance (ChargeTypeViolation), naming it', () => {
    expect(actionAvailability('delete', [plain, subscription], 'admin')).toEqual({
      enabled: false,
      reason: 'subscription',
      instances: [subscription],
    });
    expect(enabled('stop', ['Running'], 'admin')).toBe(true);
    expect(actionAvailability('stop', [subscription], 'admin').enabled).toBe(true);
  });

  it('refuses to delete a deletion-protected instance', () => {
    expect(actionAvailability('delete', [protectedOne], 'admin')).toMatchObject({
      enabled: false,
      reason: 'deletionProtection',
    });
    expect(actionAvailability('start', [protectedOne], 'admin').enabled).toBe(true);
  });

  it('refuses to start, stop or reboot an instance with a financial lock (InstanceExpired), but lets it be deleted', () => {
    expect(actionAvailability('start', [expired, plain], 'operator')).toEqual({
      enabled: false,
      reason: 'financialLock',
      instances: [expired],
    });
    expect(actionAvailability('delete', [expired], 'admin').enabled).toBe(true);
  });

  it('refuses everything on an instance locked for security', () => {
    for (const action of ['stop', 'reboot', 'delete'] as const) {
      expect(actionAvailability(action, [quarantined], 'admin')).toMatchObject({ reason: 'securityLock' });
    }
  });

  it('says the role before the instances, and an instance rule before the status', () => {
    expect(actionAvailability('delete', [subscription], 'operator')).toEqual({ enabled: false, reason: 'role' });
    // Running and Stopped mixed would be a status reason; the subscription is the more useful one.
    expect(actionAvailability('delete', [subscription, plain], 'admin')).toMatchObject({ reason: 'subscription' });
  });

  it('reads an empty lock container ECS sometimes sends as {}', () => {
    const odd = makeInstance({ Status: 'Stopped', OperationLocks: {} as never });
    expect(actionAvailability('start', [odd], 'operator').enabled).toBe(true);
  });
});

describe('ECS calls', () => {
  const instance = { RegionId: 'cn-hangzhou', InstanceId: 'i-1' };

  it('builds each action with the options chosen', () => {
    expect(ecsCallFor({ action: 'start' }, instance)).toEqual({
      action: 'StartInstance',
      params: { RegionId: 'cn-hangzhou', InstanceId: 'i-1' },
    });
    expect(ecsCallFor({ action: 'stop', forceStop: true, stoppedMode: 'StopCharging' }, instance)).toEqual({
      action: 'StopInstance',
      params: { RegionId: 'cn-hangzhou', InstanceId: 'i-1', ForceStop: true, StoppedMode: 'StopCharging' },
    });
    expect(ecsCallFor({ action: 'reboot', forceStop: false }, instance)).toEqual({
      action: 'RebootInstance',
      params: { RegionId: 'cn-hangzhou', InstanceId: 'i-1', ForceStop: false },
    });
    expect(ecsCallFor({ action: 'delete', force: true }, instance)).toEqual({
      action: 'DeleteInstance',
      params: { RegionId: 'cn-hangzhou', InstanceId: 'i-1', Force: true },
    });
  });
});
