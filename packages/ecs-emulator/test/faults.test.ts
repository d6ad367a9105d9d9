import { EcsClient } from '@ecs-console/ecs-client';
import { describe, expect, it } from 'vitest';
import { Faults } from '../src/control/faults.js';
import { startEmulator } from '../src/index.js';

/** Which of `n` requests the faults answer, as a string of T (throttled), E (error) and . (passed). */
function pattern(faults: Faults, n: number): string {
  let result = '';
  for (let i = 0; i < n; i++) {
    const fault = faults.decide('DescribeInstances', 'key', 0);
    result += fault === undefined ? '.' : fault.code === 'Throttling' ? 'T' : 'E';
  }
  return result;
}

describe('seeded fault injection', () => {
  it('repeats the same throttling and error pattern for the same seed', () => {
    const settings = { throttleRate: 0.3, errorRate: 0.1, seed: 42 };
    const first = pattern(new Faults(settings), 500);
    expect(pattern(new Faults(settings), 500)).toBe(first);
    expect(pattern(new Faults({ ...settings, seed: 43 }), 500)).not.toBe(first);
    // About the rates asked for.
    const throttled = [...first].filter((fate) => fate === 'T').length;
    expect(throttled / 500).toBeGreaterThan(0.2);
    expect(throttled / 500).toBeLessThan(0.4);
    expect(first).toContain('E');
  });

  it('starts the pattern over when the seed is set again, and draws freely once it is removed', () => {
    const faults = new Faults({ throttleRate: 0.5, seed: 7 });
    const first = pattern(faults, 64);
    faults.update({ seed: 7 });
    expect(pattern(faults, 64)).toBe(first);
    faults.update({ seed: null });
    expect(faults.settings.seed).toBeUndefined();
    // 2^-64 odds of a false failure are not worth worrying about.
    const unseeded = new Set(Array.from({ length: 4 }, () => pattern(faults, 64)));
    expect(unseeded.size).toBeGreaterThan(1);
  });

  it('refuses a seed that is not a 32-bit unsigned integer', () => {
    const faults = new Faults();
    expect(() => faults.update({ seed: 1.5 })).toThrow('seed must be an integer from 0 to 4294967295');
    expect(() => faults.update({ seed: -1 })).toThrow(RangeError);
    expect(faults.settings.seed).toBeUndefined();
  });

  it('counts the requests each kind of fault answered, until a reset', () => {
    const faults = new Faults({ throttleRate: 1 });
    pattern(faults, 3);
    faults.inject({ code: 'Injected', httpStatus: 500 });
    pattern(faults, 1);
    expect(faults.counts).toEqual({ injected: 1, flowControl: 0, throttled: 3, failed: 0 });
    faults.reset();
    expect(faults.counts).toEqual({ injected: 0, flowControl: 0, throttled: 0, failed: 0 });
  });

  it('is set over the control API and through startEmulator, with the same pattern over HTTP', async () => {
    const fates = async (set: (ecs: Awaited<ReturnType<typeof startEmulator>>) => Promise<void> | void) => {
      const ecs = await startEmulator();
      const client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });
      try {
        await set(ecs);
        let result = '';
        for (let i = 0; i < 40; i++) {
          result += await client.call('DescribeRegions').then(
            () => '.',
            () => 'T',
          );
        }
        return { result, status: ecs.control.status() };
      } finally {
        await client.close();
        await ecs.close();
      }
    };
    const overHttp = await fates(async (ecs) => {
      const response = await fetch(`${ecs.url}/__emulator/faults`, {
        method: 'PUT',
        body: JSON.stringify({ throttleRate: 0.3, seed: 2024 }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ throttleRate: 0.3, seed: 2024 });
    });
    const inCode = await fates((ecs) => void ecs.control.setFaults({ throttleRate: 0.3, seed: 2024 }));
    expect(overHttp.result).toBe(inCode.result);
    expect(overHttp.result).toContain('T');
    expect(overHttp.result).toContain('.');
    expect(overHttp.status.faultsAnswered.throttled).toBe([...overHttp.result].filter((f) => f === 'T').length);

    const bad = await startEmulator();
    try {
      const response = await fetch(`${bad.url}/__emulator/faults`, { method: 'PUT', body: '{"seed":"x"}' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('seed must be an integer');
    } finally {
      await bad.close();
    }
  });

  it('takes faultSeed in startEmulator', async () => {
    const ecs = await startEmulator({ throttleRate: 0.3, faultSeed: 5 });
    try {
      expect(ecs.control.status().faults).toMatchObject({ throttleRate: 0.3, seed: 5 });
    } finally {
      await ecs.close();
    }
  });
});
