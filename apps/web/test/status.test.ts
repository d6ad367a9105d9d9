import { describe, expect, it } from 'vitest';
import { instanceStatusType } from '@/components/InstanceStatusIndicator';
import {
  countByStatus,
  FAST_REFRESH_MS,
  isTransitional,
  refreshIntervalFor,
  SLOW_REFRESH_MS,
} from '@/features/instances/logic/status';
import { makeInstance } from './fixtures';

describe('status counts', () => {
  it('counts every status, zero included', () => {
    const instances = [
      makeInstance({ Status: 'Running' }),
      makeInstance({ Status: 'Running' }),
      makeInstance({ Status: 'Stopped' }),
      makeInstance({ Status: 'Starting' }),
    ];
    expect(countByStatus(instances)).toEqual({ Pending: 0, Starting: 1, Running: 2, Stopping: 0, Stopped: 1 });
  });

  it('ignores a status it does not know', () => {
    const unknown = { Status: 'Migrating' } as unknown as ReturnType<typeof makeInstance>;
    expect(countByStatus([unknown]).Running).toBe(0);
  });
});

describe('refresh interval', () => {
  it('polls fast while any instance is changing state', () => {
    for (const status of ['Pending', 'Starting', 'Stopping'] as const) {
      expect(isTransitional(status)).toBe(true);
      expect(refreshIntervalFor([makeInstance(), makeInstance({ Status: status })])).toBe(FAST_REFRESH_MS);
    }
    expect(FAST_REFRESH_MS).toBe(2_500);
  });

  it('polls slowly when everything is settled or nothing is loaded', () => {
    expect(refreshIntervalFor([makeInstance(), makeInstance({ Status: 'Stopped' })])).toBe(SLOW_REFRESH_MS);
    expect(refreshIntervalFor(undefined)).toBe(SLOW_REFRESH_MS);
    expect(SLOW_REFRESH_MS).toBe(30_000);
  });
});

describe('status indicator', () => {
  it('colours statuses as the console does', () => {
    expect(instanceStatusType('Running')).toBe('success');
    expect(instanceStatusType('Stopped')).toBe('stopped');
    expect(instanceStatusType('Starting')).toBe('in-progress');
    expect(instanceStatusType('Stopping')).toBe('in-progress');
    expect(instanceStatusType('Pending')).toBe('in-progress');
    expect(instanceStatusType('Migrating')).toBe('info');
  });
});
