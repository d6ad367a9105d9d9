import { expect } from 'vitest';
import { Clock } from '../../src/clock.js';
import { REGION_CATALOG } from '../../src/data/catalog.js';
import { EcsApiError } from '../../src/protocol/errors.js';
import { RequestParams } from '../../src/providers/params.js';
import { securityGroupHandlers } from '../../src/providers/security-groups.js';
import { tagHandlers } from '../../src/providers/tags.js';
import { createVpc } from '../../src/store/factories.js';
import { Store } from '../../src/store/store.js';
import type { RegionState, VpcRecord } from '../../src/store/types.js';

const handlers = { ...securityGroupHandlers, ...tagHandlers };

/** 2024-05-01T00:00:00Z: a fixed start so rendered times can be asserted exactly. */
export const START = Date.parse('2024-05-01T00:00:00Z');

export interface SecurityGroupBed {
  readonly clock: Clock;
  readonly store: Store;
  /** cn-hangzhou with one VPC. */
  readonly region: RegionState;
  readonly regionId: string;
  readonly vpc: VpcRecord;
  /** Calls a security-group or tag handler as the server would. */
  call(action: string, params?: Record<string, string>): Record<string, unknown>;
}

/** A store with one region and one VPC, and a frozen clock that moves only when told. */
export function securityGroupBed(): SecurityGroupBed {
  const clock = new Clock({ start: START, realNow: () => 0 });
  const store = new Store(clock);
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
      const handler = handlers[action];
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
      });
    },
  };
}

/** Asserts that `run` throws the ECS error with this HTTP status and code. */
export function expectEcsError(run: () => unknown, httpStatus: number, code: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(EcsApiError);
  const error = caught as EcsApiError;
  expect({ httpStatus: error.httpStatus, code: error.code }).toEqual({ httpStatus, code });
}
