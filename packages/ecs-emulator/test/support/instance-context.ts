import { expect } from 'vitest';
import { Clock } from '../../src/clock.js';
import { REGION_CATALOG } from '../../src/data/catalog.js';
import { EcsApiError } from '../../src/protocol/errors.js';
import type { ActionHandler } from '../../src/providers/context.js';
import { instanceHandlers, registerInstanceTransitions } from '../../src/providers/instances.js';
import { monitoringHandlers } from '../../src/providers/monitoring.js';
import { RequestParams } from '../../src/providers/params.js';
import { regionHandlers } from '../../src/providers/regions.js';
import { createInstance, type InstanceInit } from '../../src/store/factories.js';
import { Store } from '../../src/store/store.js';
import type { InstanceRecord, RegionState } from '../../src/store/types.js';

const handlers: Readonly<Record<string, ActionHandler>> = {
  ...regionHandlers,
  ...instanceHandlers,
  ...monitoringHandlers,
};

export type InstanceAction =
  | 'DescribeRegions'
  | 'DescribeZones'
  | 'DescribeInstances'
  | 'DescribeInstanceStatus'
  | 'StartInstance'
  | 'StopInstance'
  | 'RebootInstance'
  | 'DeleteInstance'
  | 'ModifyInstanceAttribute'
  | 'DescribeInstanceVncUrl'
  | 'ModifyInstanceVncPasswd'
  | 'GetInstanceScreenshot'
  | 'GetInstanceConsoleOutput'
  | 'DescribeInstanceMonitorData';

/** 2024-05-01T00:00:00Z: a fixed start so rendered times can be asserted exactly. */
export const START = Date.parse('2024-05-01T00:00:00Z');

export interface InstanceBed {
  readonly clock: Clock;
  readonly store: Store;
  /** cn-hangzhou with zones h, i, j. */
  readonly region: RegionState;
  readonly regionId: string;
  /** Calls a handler as the server would: due transitions first, then the action. */
  call(action: InstanceAction, params?: Record<string, string>): Record<string, unknown>;
  /** Moves emulated time on and applies the transitions that came due. */
  advance(ms: number): void;
  /** A new instance in the region (Running unless `init` says otherwise). */
  instance(init?: InstanceInit): InstanceRecord;
}

/** A store with one region, the instance transitions, and a clock that moves only when told. */
export function instanceBed(): InstanceBed {
  const clock = new Clock({ start: START, realNow: () => 0 });
  const store = new Store(clock);
  registerInstanceTransitions(store);
  const entry = REGION_CATALOG[0]!;
  const region = store.addRegion(entry.region, [...entry.zones]);
  return {
    clock,
    store,
    region,
    regionId: entry.region.RegionId,
    call(action, params = {}) {
      store.advance();
      const handler = handlers[action];
      if (!handler) throw new Error(`no handler for ${action}`);
      return handler({
        action,
        params: new RequestParams(params),
        store,
        clock,
        now: clock.now(),
        requestId: '00000000-0000-4000-8000-000000000000',
        accessKeyId: 'testid',
        baseUrl: 'http://127.0.0.1:9100',
      });
    },
    advance(ms) {
      clock.advance(ms);
      store.advance();
    },
    instance(init = {}) {
      return createInstance(store, region, init);
    },
  };
}

/** Asserts that `run` throws the ECS error with this HTTP status and code. */
export function expectApiError(run: () => unknown, httpStatus: number, code: string): EcsApiError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EcsApiError);
  const apiError = caught as EcsApiError;
  expect({ httpStatus: apiError.httpStatus, code: apiError.code }).toEqual({ httpStatus, code });
  return apiError;
}
