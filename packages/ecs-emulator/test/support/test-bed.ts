import { expect } from 'vitest';
import { Clock } from '../../src/clock.js';
import { REGION_CATALOG } from '../../src/data/catalog.js';
import { EcsApiError } from '../../src/protocol/errors.js';
import { actionHandlers, registerTransitions } from '../../src/providers/index.js';
import { RequestParams } from '../../src/providers/kit/params.js';
import { createInstance, createVpc, type InstanceInit } from '../../src/store/factories.js';
import { Store } from '../../src/store/store.js';
import type { InstanceRecord, RegionState, VpcRecord } from '../../src/store/types.js';

/** 2024-05-01T00:00:00Z: a fixed start so rendered times can be asserted exactly. */
export const START = Date.parse('2024-05-01T00:00:00Z');

export interface TestBed {
  readonly clock: Clock;
  readonly store: Store;
  /** cn-hangzhou with zones h, i, j. */
  readonly region: RegionState;
  readonly regionId: string;
  /** The region's one VPC. */
  readonly vpc: VpcRecord;
  /** Calls a handler as the server would: due transitions first, then the action. */
  call(action: string, params?: Record<string, string>): Record<string, unknown>;
  /** Moves emulated time on and applies the transitions that came due. */
  advance(ms: number): void;
  /** A new instance in the region (Running unless `init` says otherwise). */
  instance(init?: InstanceInit): InstanceRecord;
}

/**
 * Providers under test without HTTP: a store with one region and one VPC, every provider's
 * transitions, and a clock that stands still until a test moves it.
 */
export function testBed(): TestBed {
  const clock = new Clock({ start: START, realNow: () => 0 });
  const store = new Store(clock);
  registerTransitions(store);
  const entry = REGION_CATALOG[0]!;
  const region = store.addRegion(entry.region, [...entry.zones]);
  const vpc = createVpc(store, region);
  return {
    clock,
    store,
    region,
    regionId: entry.region.RegionId,
    vpc,
    call(action, params = {}) {
      const handler = actionHandlers[action];
      if (!handler) throw new Error(`no handler for ${action}`);
      store.advance();
      return handler({
        action,
        params: new RequestParams(params),
        store,
        clock,
        now: clock.now(),
        requestId: '00000000-0000-4000-8000-000000000000',
        accessKeyId: 'testid',
        baseUrl: 'http://127.0.0.1:9100',
        // PNG here, so provider tests can decode the pixels with the PNG reader.
        screenshotFormat: 'png',
        vncPublicUrl: undefined,
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

/** Asserts that `run` throws the ECS error with this HTTP status and code, and returns it. */
export function expectApiError(run: () => unknown, httpStatus: number, code: string): EcsApiError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(EcsApiError);
  const apiError = caught as EcsApiError;
  expect({ httpStatus: apiError.httpStatus, code: apiError.code }).toEqual({ httpStatus, code });
  return apiError;
}
