import { describe, expect, it } from 'vitest';
import { backoffDelayMs, EcsError, resolveRetryOptions, RetryQuota } from '../src/index.js';
import { ecsError, json } from './support/test-server.js';
import { useTestServer } from './support/client.js';

const { server, client } = useTestServer();

const throttled = new EcsError({ kind: 'service', code: 'Throttling.User', message: 'x', statusCode: 400 });
const timedOut = new EcsError({ kind: 'timeout', code: 'RequestTimeout', message: 'x', maybeExecuted: true });

describe('RetryQuota', () => {
  it('charges 5 per retry and 10 after a timeout, and refuses when too few tokens are left', () => {
    const quota = new RetryQuota({ capacity: 22 });
    expect(quota.acquire(throttled)).toBe(5);
    expect(quota.acquire(timedOut)).toBe(10);
    expect(quota.available).toBe(7);
    expect(quota.acquire(timedOut)).toBeUndefined();
    expect(quota.acquire(throttled)).toBe(5);
    expect(quota.acquire(throttled)).toBeUndefined();
    expect(quota.available).toBe(2);
  });

  it('refills 1 per first-attempt success, the retry cost after a retried success, up to capacity', () => {
    const quota = new RetryQuota({ capacity: 20 });
    quota.acquire(timedOut);
    quota.acquire(throttled);
    quota.release(undefined);
    expect(quota.available).toBe(6);
    quota.release(10);
    expect(quota.available).toBe(16);
    quota.release(10);
    expect(quota.available).toBe(20);
  });
});

describe('backoff', () => {
  it('backs off from a larger base after throttling, and waits at least what Retry-After asks', () => {
    const options = resolveRetryOptions({ baseDelayMs: 100, throttleBaseDelayMs: 400, maxDelayMs: 10_000 });
    const other = new EcsError({ kind: 'service', code: 'ServiceUnavailable', message: 'x', statusCode: 503 });
    expect(backoffDelayMs(1, options, () => 0.999, other)).toBe(199);
    expect(backoffDelayMs(1, options, () => 0.999, throttled)).toBe(799);
    const askedToWait = new EcsError({ ...throttled.toJSON(), retryAfterMs: 3_000 });
    expect(backoffDelayMs(0, options, () => 0, askedToWait)).toBe(3_000);
  });
});

describe('a client under sustained throttling', () => {
  it('stops retrying once the shared quota is spent, so ECS sees at most calls + quota / 5 requests', async () => {
    server.handler = (_request, response) => ecsError(response, 400, 'Throttling.User');
    const throttledClient = client({ retryQuota: 50, retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 2 } });
    const calls = 30;
    const errors = (await Promise.all(
      Array.from({ length: calls }, () => throttledClient.call('DescribeRegions').catch((e: unknown) => e)),
    )) as EcsError[];
    expect(errors.every((error) => error.code === 'Throttling.User')).toBe(true);
    expect(server.requests.length).toBe(calls + 50 / 5);
    expect(throttledClient.retryQuota.available).toBeLessThan(5);
    // With the quota spent, a failing call is sent once.
    server.requests.length = 0;
    await expect(throttledClient.call('DescribeRegions')).rejects.toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
    // Successes refill it, and retries come back.
    server.handler = (_request, response) => json(response, 200, { RequestId: 'OK' });
    for (let i = 0; i < 10; i++) await throttledClient.call('DescribeRegions');
    expect(throttledClient.retryQuota.available).toBeGreaterThanOrEqual(10);
  });

  it('still completes calls at 30 % throttling, the quota staying near full', async () => {
    let n = 0;
    // Every third or so request is throttled, in a fixed pattern: 3 of each 10.
    server.handler = (_request, response) => {
      if ([1, 4, 7].includes(n++ % 10)) ecsError(response, 400, 'Throttling.User');
      else json(response, 200, { RequestId: 'OK' });
    };
    const busyClient = client({ retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 2 } });
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 20 }, () => busyClient.call('DescribeRegions')));
    }
    expect(busyClient.retryQuota.available).toBeGreaterThan(busyClient.retryQuota.capacity - 50);
  });

  it('reads Retry-After from a throttled answer', async () => {
    server.handler = (_request, response) => {
      response.setHeader('retry-after', '2');
      ecsError(response, 429, 'Throttling');
    };
    await expect(client({ retry: { maxAttempts: 1 } }).call('DescribeRegions')).rejects.toMatchObject({
      retryAfterMs: 2_000,
    });
  });
});

describe('a parameter that cannot be encoded', () => {
  it('fails at once, naming the parameter, and is neither sent nor retried', async () => {
    const error = (await client()
      .call('DescribeInstances', { RegionId: 'cn-hangzhou', InstanceName: 'web-\ud800' })
      .catch((e: unknown) => e)) as EcsError;
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({
      kind: 'request',
      code: 'InvalidParameter',
      action: 'DescribeInstances',
      attempts: 1,
      maybeExecuted: false,
    });
    expect(error.message).toContain('InstanceName');
    expect(error.message).toContain('lone UTF-16 surrogate');
    expect(server.requests).toHaveLength(0);
  });

  it('applies to values inside lists and to V2 requests', async () => {
    await expect(
      client({ signatureVersion: 'v2' }).call('DescribeInstances', {
        RegionId: 'cn-hangzhou',
        Tag: [{ Key: 'team', Value: '\udc00' }],
      }),
    ).rejects.toMatchObject({ kind: 'request', message: expect.stringContaining('Tag.1.Value') as unknown });
    expect(server.requests).toHaveLength(0);
  });
});
