import { describe, expect, it } from 'vitest';
import {
  canResizeOnline,
  DISK_ACTIONS,
  diskActionAvailability,
  diskActionStates,
  type DiskAction,
  type DiskRuleContext,
  type RuledDisk,
  type RuledInstance,
} from '@/features/disks/logic/allowed-disk-actions';
import { diskEcsCallFor, diskLabel } from '@/features/disks/logic/disk-action-requests';
import { attributeChanges, validateAttributes } from '@/features/disks/logic/disk-attributes';
import { ONLINE_RESIZE_CATEGORIES, type Role } from '@ecs-console/contract';
import type { DiskStatus, InstanceStatus } from '@ecs-console/ecs-client';

function disk(overrides: Partial<RuledDisk> = {}): RuledDisk {
  return {
    DiskId: 'd-data1',
    DiskName: 'data-1',
    Status: 'In_use',
    Type: 'data',
    InstanceId: 'i-web1',
    Portable: true,
    DiskChargeType: 'PostPaid',
    OperationLocks: { OperationLock: [] },
    AttachedTime: '2026-01-01T00:00:00Z',
    DetachedTime: '',
    ...overrides,
  };
}

const available = (overrides: Partial<RuledDisk> = {}) => disk({ Status: 'Available', InstanceId: '', ...overrides });

function instance(Status: InstanceStatus, overrides: Partial<RuledInstance> = {}): RuledInstance {
  return {
    InstanceId: 'i-web1',
    InstanceName: 'web-1',
    Status,
    OperationLocks: { LockReason: [] },
    StartTime: '2026-01-01T00:00Z',
    ...overrides,
  };
}

function context(role: Role = 'admin', ...instances: RuledInstance[]): DiskRuleContext {
  const list = instances.length > 0 ? instances : [instance('Running')];
  return { role, instancesById: new Map(list.map((item) => [item.InstanceId, item])) };
}

const enabled = (action: DiskAction, disks: RuledDisk[], ctx: DiskRuleContext = context()) =>
  diskActionAvailability(action, disks, ctx).enabled;
const reason = (action: DiskAction, disks: RuledDisk[], ctx: DiskRuleContext = context()) => {
  const availability = diskActionAvailability(action, disks, ctx);
  return availability.enabled ? 'enabled' : availability.reason;
};

describe('roles', () => {
  it('gives a viewer no write at all', () => {
    const states = diskActionStates([disk()], context('viewer'));
    for (const action of DISK_ACTIONS) expect(states[action]).toEqual({ enabled: false, reason: 'role' });
  });

  it('lets an operator create snapshots and nothing else', () => {
    const states = diskActionStates([disk()], context('operator'));
    expect(states.createSnapshot).toEqual({ enabled: true });
    for (const action of DISK_ACTIONS.filter((name) => name !== 'createSnapshot')) {
      expect(states[action]).toEqual({ enabled: false, reason: 'role' });
    }
  });

  it('lets an admin do what the disk allows', () => {
    expect(enabled('detach', [disk()])).toBe(true);
    expect(enabled('attach', [available()])).toBe(true);
    expect(enabled('delete', [available()])).toBe(true);
  });
});

describe('selection', () => {
  it('needs a selection', () => {
    expect(diskActionAvailability('delete', [], context())).toEqual({ enabled: false, reason: 'noSelection' });
  });

  it('runs detach and delete on several disks, the other actions on one', () => {
    const two = [disk({ DiskId: 'd-1' }), disk({ DiskId: 'd-2' })];
    expect(enabled('detach', two)).toBe(true);
    expect(enabled('delete', [available({ DiskId: 'd-1' }), available({ DiskId: 'd-2' })])).toBe(true);
    for (const action of ['attach', 'resize', 'modify', 'reinit', 'reset', 'createSnapshot'] as const) {
      expect(reason(action, two)).toBe('single');
    }
  });
});

describe('disk status', () => {
  it.each<[DiskAction, DiskStatus, boolean]>([
    ['attach', 'Available', true],
    ['attach', 'In_use', false],
    ['detach', 'In_use', true],
    ['detach', 'Available', false],
    ['delete', 'Available', true],
    ['delete', 'In_use', false],
    ['resize', 'Available', true],
    ['resize', 'In_use', true],
    ['reinit', 'In_use', true],
    ['reinit', 'Available', false],
    ['reset', 'Available', true],
    ['createSnapshot', 'Available', true],
    ['modify', 'Available', true],
    ['modify', 'Attaching', true],
  ])('%s on a %s disk: %s', (action, Status, expected) => {
    const stopped = context('admin', instance('Stopped'));
    const subject = Status === 'In_use' ? disk({ Status }) : disk({ Status, InstanceId: '' });
    expect(enabled(action, [subject], stopped)).toBe(expected);
  });

  it('allows no state change while a disk is changing', () => {
    for (const Status of ['Creating', 'Attaching', 'Detaching', 'ReIniting'] as const) {
      for (const action of DISK_ACTIONS.filter((name) => name !== 'modify')) {
        expect(reason(action, [disk({ Status })])).toBe('status');
      }
    }
  });

  it('names the disks in the wrong status and the statuses that would do', () => {
    const busy = disk({ DiskId: 'd-busy', Status: 'Detaching' });
    expect(diskActionAvailability('delete', [available(), busy], context())).toEqual({
      enabled: false,
      reason: 'status',
      disks: [busy],
      allowed: ['Available'],
    });
  });
});

describe('the attached instance', () => {
  it('needs it Stopped to re-initialise or roll back the disk', () => {
    for (const action of ['reinit', 'reset'] as const) {
      const availability = diskActionAvailability(action, [disk()], context('admin', instance('Running')));
      expect(availability).toMatchObject({
        enabled: false,
        reason: 'instanceMustBeStopped',
        instances: [{ InstanceId: 'i-web1' }],
      });
      expect(enabled(action, [disk()], context('admin', instance('Stopped')))).toBe(true);
    }
  });

  it('needs it Running or Stopped to detach, resize or snapshot', () => {
    for (const action of ['detach', 'resize', 'createSnapshot'] as const) {
      expect(reason(action, [disk()], context('admin', instance('Starting')))).toBe('instanceMustBeRunningOrStopped');
      expect(enabled(action, [disk()], context('admin', instance('Stopped')))).toBe(true);
    }
  });

  it('waits for the instance state before allowing what depends on it', () => {
    const noInstances: DiskRuleContext = { role: 'admin', instancesById: new Map() };
    expect(reason('reinit', [disk()], noInstances)).toBe('instanceUnknown');
    // An Available disk has no instance to wait for.
    expect(enabled('reset', [available()], noInstances)).toBe(true);
  });

  it('neither re-initialises nor snapshots a disk of an instance that has never run', () => {
    const fresh = context('admin', instance('Stopped', { StartTime: '' }));
    expect(reason('reinit', [disk()], fresh)).toBe('instanceNeverStarted');
    expect(reason('createSnapshot', [disk()], fresh)).toBe('instanceNeverStarted');
    expect(enabled('detach', [disk()], fresh)).toBe(true);
  });

  it('refuses what the instance locks refuse', () => {
    const secured = instance('Stopped', { OperationLocks: { LockReason: [{ LockReason: 'security' }] } });
    const expired = instance('Stopped', { OperationLocks: { LockReason: [{ LockReason: 'financial' }] } });
    expect(reason('detach', [disk()], context('admin', secured))).toBe('instanceSecurityLock');
    expect(reason('reinit', [disk()], context('admin', secured))).toBe('instanceSecurityLock');
    expect(reason('reset', [disk()], context('admin', expired))).toBe('instanceFinancialLock');
    expect(reason('resize', [disk()], context('admin', expired))).toBe('instanceFinancialLock');
    expect(reason('detach', [disk()], context('admin', expired))).toBe('instanceFinancialLock');
    expect(reason('createSnapshot', [disk()], context('admin', expired))).toBe('instanceFinancialLock');
    // An Available disk has no instance whose locks matter.
    expect(enabled('createSnapshot', [available()], context('admin', expired))).toBe(true);
  });
});

describe('what ECS refuses whatever the status', () => {
  it('keeps system disks on their instance', () => {
    const system = disk({ Type: 'system', Portable: false });
    expect(reason('detach', [system])).toBe('systemDisk');
    expect(reason('delete', [available({ Type: 'system' })])).toBe('systemDisk');
    expect(enabled('resize', [system])).toBe(true);
  });

  it('needs a portable disk to attach, detach or delete', () => {
    expect(reason('attach', [available({ Portable: false })])).toBe('notPortable');
    expect(reason('detach', [disk({ Portable: false })])).toBe('notPortable');
    expect(reason('delete', [available({ Portable: false })])).toBe('notPortable');
  });

  it('does not delete a subscription disk', () => {
    const prepaid = available({ DiskChargeType: 'PrePaid', Portable: false });
    expect(reason('delete', [prepaid])).toBe('subscription');
    // Resizing one is allowed (ECS answers with an order).
    expect(enabled('resize', [prepaid])).toBe(true);
  });

  it('refuses locked disks', () => {
    const arrears = available({ OperationLocks: { OperationLock: [{ LockReason: 'financial' }] } });
    const secured = available({ OperationLocks: { OperationLock: [{ LockReason: 'security' }] } });
    expect(reason('attach', [arrears])).toBe('diskFinancialLock');
    expect(reason('resize', [secured])).toBe('diskSecurityLock');
    expect(reason('delete', [arrears])).toBe('diskFinancialLock');
  });

  it('reads a lock container answered as {} as no lock', () => {
    const bare = available({ OperationLocks: {} as RuledDisk['OperationLocks'] });
    expect(enabled('attach', [bare])).toBe(true);
  });

  it('does not snapshot a disk that was never attached', () => {
    expect(reason('createSnapshot', [available({ AttachedTime: '' })])).toBe('neverAttached');
    expect(enabled('createSnapshot', [available({ AttachedTime: '', DetachedTime: '2026-01-02T00:00:00Z' })])).toBe(
      true,
    );
  });

  it('waits for a snapshot in progress before resize, re-initialise, another snapshot or delete', () => {
    const busy: DiskRuleContext = {
      ...context('admin', instance('Stopped')),
      snapshotInProgress: new Set(['d-data1']),
    };
    for (const action of ['resize', 'reinit', 'createSnapshot'] as const) {
      expect(reason(action, [disk()], busy)).toBe('snapshotInProgress');
    }
    expect(reason('delete', [available()], busy)).toBe('snapshotInProgress');
    expect(enabled('detach', [disk()], busy)).toBe(true);
  });

  it('names every disk a batch refusal applies to', () => {
    const system = disk({ DiskId: 'd-sys', Type: 'system' });
    const other = disk({ DiskId: 'd-sys2', Type: 'system' });
    expect(diskActionAvailability('detach', [disk(), system, other], context())).toMatchObject({
      reason: 'systemDisk',
      disks: [system, other],
    });
  });
});

describe('online resize', () => {
  it('needs a Running instance and a category that grows online', () => {
    const essd = { Status: 'In_use' as const, Category: 'cloud_essd' };
    expect(canResizeOnline(essd, { Status: 'Running' }, ONLINE_RESIZE_CATEGORIES)).toBe(true);
    expect(canResizeOnline(essd, { Status: 'Stopped' }, ONLINE_RESIZE_CATEGORIES)).toBe(false);
    expect(canResizeOnline({ ...essd, Category: 'cloud' }, { Status: 'Running' }, ONLINE_RESIZE_CATEGORIES)).toBe(
      false,
    );
    expect(canResizeOnline({ ...essd, Status: 'Available' }, undefined, ONLINE_RESIZE_CATEGORIES)).toBe(false);
  });
});

describe('ECS calls', () => {
  const target = { RegionId: 'cn-hangzhou', DiskId: 'd-1', InstanceId: 'i-1' };

  it('detaches from the instance the disk is on and attaches to the one picked', () => {
    expect(diskEcsCallFor({ action: 'detach' }, target)).toEqual({
      action: 'DetachDisk',
      params: { RegionId: 'cn-hangzhou', DiskId: 'd-1', InstanceId: 'i-1' },
    });
    expect(diskEcsCallFor({ action: 'attach', instanceId: 'i-2', deleteWithInstance: false }, target)).toEqual({
      action: 'AttachDisk',
      params: { RegionId: 'cn-hangzhou', DiskId: 'd-1', InstanceId: 'i-2', DeleteWithInstance: false },
    });
  });

  it('sends the chosen snapshot, restart choice and attribute changes', () => {
    expect(diskEcsCallFor({ action: 'reset', snapshotId: 's-1' }, target).params).toEqual({
      RegionId: 'cn-hangzhou',
      DiskId: 'd-1',
      SnapshotId: 's-1',
    });
    expect(diskEcsCallFor({ action: 'reinit', autoStartInstance: true }, target)).toMatchObject({
      action: 'ReInitDisk',
      params: { AutoStartInstance: true },
    });
    expect(diskEcsCallFor({ action: 'modify', changes: { DiskName: 'logs' } }, target)).toEqual({
      action: 'ModifyDiskAttribute',
      params: { RegionId: 'cn-hangzhou', DiskId: 'd-1', DiskName: 'logs' },
    });
    expect(diskEcsCallFor({ action: 'delete' }, target)).toEqual({
      action: 'DeleteDisk',
      params: { RegionId: 'cn-hangzhou', DiskId: 'd-1' },
    });
  });

  it('names a disk by ID and name', () => {
    expect(diskLabel({ DiskId: 'd-1', DiskName: 'logs' })).toBe('d-1 (logs)');
    expect(diskLabel({ DiskId: 'd-1', DiskName: '' })).toBe('d-1');
  });
});

describe('modify attributes', () => {
  const current = {
    DiskName: 'logs',
    Description: 'app logs',
    DeleteWithInstance: false,
    DeleteAutoSnapshot: true,
    EnableAutoSnapshot: false,
  };

  it('sends only what changed, the name trimmed', () => {
    expect(attributeChanges(current, current)).toEqual({});
    expect(attributeChanges(current, { ...current, DiskName: ' logs-2 ', EnableAutoSnapshot: true })).toEqual({
      DiskName: 'logs-2',
      EnableAutoSnapshot: true,
    });
  });

  it('refuses what ECS refuses: a removed name or description, a malformed one', () => {
    expect(validateAttributes(current, current)).toEqual({ DiskName: null, Description: null });
    expect(validateAttributes(current, { ...current, DiskName: '', Description: '' })).toEqual({
      DiskName: 'cannotClear',
      Description: 'cannotClear',
    });
    expect(validateAttributes(current, { ...current, DiskName: '1st', Description: 'x' })).toEqual({
      DiskName: 'start',
      Description: 'length',
    });
    // A disk without a name may stay without one.
    expect(validateAttributes({ ...current, DiskName: '' }, { ...current, DiskName: '' }).DiskName).toBeNull();
  });
});
