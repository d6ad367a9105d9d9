import { describe, expect, it } from 'vitest';
import { ecsCallFor } from '@/features/instances/logic/action-requests';
import { actionAvailability, type InstanceAction } from '@/features/instances/logic/allowed-actions';
import { hasRole, type Role } from '@ecs-console/contract';

const enabled = (action: InstanceAction, statuses: string[], role: Role) =>
  actionAvailability(action, statuses, role).enabled;

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
    expect(actionAvailability('stop', ['Running', 'Stopped'], 'operator')).toEqual({
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
    expect(actionAvailability('delete', ['Stopped'], 'operator')).toEqual({ enabled: false, reason: 'role' });
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
