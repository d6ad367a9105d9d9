import { describe, expect, it } from 'vitest';
import { backoffDelayMs, resolveRetryOptions, type EcsError } from '../src/index.js';
import { ecsError, json, TestServer } from './support/test-server.js';
import { testClient, useTestServer } from './support/client.js';

const { server, client } = useTestServer();

/** Answers with `failures` in turn, then succeeds. */
function failThenSucceed(failures: ((response: Parameters<typeof json>[0]) => void)[]) {
  let calls = 0;
  server.handler = (_request, response) => {
    const failure = failures[calls++];
    if (failure) failure(response);
    else json(response, 200, { RequestId: 'OK' });
  };
}

const dropConnection = (response: Parameters<typeof json>[0]) => response.socket?.destroy();

describe('backoff', () => {
  it('draws full-jitter delays below a doubling ceiling capped at maxDelay', () => {
    const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelayMs(0, options, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, options, () => 0.999)).toBe(799);
    expect(backoffDelayMs(10, options, () => 0.999)).toBe(999);
    expect(backoffDelayMs(10, options, () => 0)).toBe(0);
  });
});

describe('retries', () => {
  it('retries throttling, ServiceUnavailable and 5xx on a read until it succeeds', async () => {
    failThenSucceed([
      (r) => ecsError(r, 400, 'Throttling.User'),
      (r) => ecsError(r, 503, 'ServiceUnavailable'),
      (r) => ecsError(r, 500, 'InternalError'),
    ]);
    const result = await client().call('DescribeRegions');
    expect(result.RequestId).toBe('OK');
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after maxAttempts and reports how many attempts were made', async () => {
    server.handler = (_request, response) => ecsError(response, 400, 'Throttling');
    const error = (await client({ retry: { maxAttempts: 3 } })
      .call('DescribeRegions')
      .catch((e: unknown) => e)) as EcsError;
    expect(error.code).toBe('Throttling');
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a client error such as a bad parameter', async () => {
    server.handler = (_request, response) => ecsError(response, 400, 'InvalidParameter');
    await expect(client().call('DescribeRegions')).rejects.toMatchObject({ code: 'InvalidParameter', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a read after the connection is reset', async () => {
    failThenSucceed([dropConnection]);
    await expect(client().call('DescribeInstanceStatus', { RegionId: 'cn-hangzhou' })).resolves.toMatchObject({
      RequestId: 'OK',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('never re-sends a write without a ClientToken after an ambiguous failure', async () => {
    failThenSucceed([dropConnection]);
    const error = (await client()
      .call('StopInstance', { InstanceId: 'i-1' })
      .catch((e: unknown) => e)) as EcsError;
    expect(error.kind).toBe('network');
    expect(error.maybeExecuted).toBe(true);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    failThenSucceed([(r) => ecsError(r, 500, 'InternalError')]);
    await expect(client().call('StopInstance', { InstanceId: 'i-1' })).rejects.toMatchObject({ code: 'InternalError' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a write without a ClientToken when flow control refused it', async () => {
    failThenSucceed([(r) => ecsError(r, 400, 'Throttling.Api')]);
    await expect(client().call('RebootInstance', { InstanceId: 'i-1' })).resolves.toMatchObject({ RequestId: 'OK' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a write after a refused connection, which proves it was never sent', async () => {
    const closed = await TestServer.start();
    const url = closed.url;
    await closed.close();
    const error = (await testClient(url, { retry: { maxAttempts: 3 } })
      .call('StopInstance', { InstanceId: 'i-1' })
      .catch((e: unknown) => e)) as EcsError;
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(3);
  });

  it('sets a ClientToken on actions that accept one and re-sends the same token', async () => {
    failThenSucceed([dropConnection, (r) => ecsError(r, 500, 'InternalError')]);
    await client().call('CreateDisk', { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-b', Size: 20 });
    expect(server.requests).toHaveLength(3);
    const tokens = server.requests.map((r) => r.params.ClientToken);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(tokens).size).toBe(1);
  });

  it('treats an action it has no types for as a write: no retry after an ambiguous failure', async () => {
    failThenSucceed([(r) => ecsError(r, 500, 'InternalError')]);
    await expect(client().call('RunInstances', { RegionId: 'cn-hangzhou', Amount: 1 })).rejects.toMatchObject({
      code: 'InternalError',
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.params).toEqual({ RegionId: 'cn-hangzhou', Amount: '1' });
  });

  it('keeps a ClientToken the caller chose', async () => {
    await client().call('CreateSnapshot', { DiskId: 'd-1', ClientToken: 'mine-123' });
    expect(server.requests[0]!.params.ClientToken).toBe('mine-123');
  });

  it('starts no retry once the time budget is spent', async () => {
    server.handler = (_request, response) => {
      setTimeout(() => ecsError(response, 503, 'ServiceUnavailable'), 30);
    };
    await expect(
      client({ retry: { maxAttempts: 10, budgetMs: 50, baseDelayMs: 1, maxDelayMs: 1 } }).call('DescribeRegions'),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(server.requests.length).toBeLessThanOrEqual(3);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });
});

// undici checks its timeouts on a one-second tick, so the slow answers below take longer than that.
describe('timeouts and cancellation', () => {
  it('times out waiting for headers and retries a read', async () => {
    let calls = 0;
    server.handler = (_request, response) => {
      if (calls++ === 0) setTimeout(() => json(response, 200, { RequestId: 'LATE' }), 2_500);
      else json(response, 200, { RequestId: 'OK' });
    };
    const result = await client({ headersTimeoutMs: 100 }).call('DescribeRegions');
    expect(result.RequestId).toBe('OK');
  });

  it('reports a header timeout on a write as a timeout that may have executed, without retrying', async () => {
    server.handler = (_request, response) => {
      setTimeout(() => json(response, 200, { RequestId: 'LATE' }), 2_500);
    };
    const error = (await client({ headersTimeoutMs: 100 })
      .call('DeleteInstance', { InstanceId: 'i-1' })
      .catch((e: unknown) => e)) as EcsError;
    expect(error).toMatchObject({ kind: 'timeout', code: 'RequestTimeout', maybeExecuted: true, attempts: 1 });
  });

  it('stops at the overall deadline, retries included', async () => {
    server.handler = (_request, response) => {
      setTimeout(() => ecsError(response, 503, 'ServiceUnavailable'), 40);
    };
    const error = (await client({ timeoutMs: 150, retry: { maxAttempts: 100 } })
      .call('DescribeRegions')
      .catch((e: unknown) => e)) as EcsError;
    // No retry starts past the deadline; the last answer ECS gave is what the caller sees.
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.attempts).toBeLessThan(100);
    expect(server.requests).toHaveLength(error.attempts);
  });

  it('cuts an attempt that outlives the deadline short', async () => {
    server.handler = (_request, response) => {
      setTimeout(() => json(response, 200, { RequestId: 'LATE' }), 2_500);
    };
    const error = (await client({ timeoutMs: 300 })
      .call('DescribeRegions')
      .catch((e: unknown) => e)) as EcsError;
    expect(error).toMatchObject({ kind: 'timeout', code: 'RequestTimeout' });
  });

  it("honours the caller's AbortSignal", async () => {
    server.handler = (_request, response) => {
      setTimeout(() => json(response, 200, { RequestId: 'LATE' }), 1_000);
    };
    const controller = new AbortController();
    const pending = client().call('DescribeRegions', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted', code: 'RequestAborted' });
  });
});
