import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EcsClient, isoTimestamp } from '@ecs-console/ecs-client';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { v2Request, v3Request } from './support/raw-requests.js';

let ecs: RunningEmulator;
const STS_KEY = { accessKeyId: 'STS.testid', accessKeySecret: 'sts-secret', securityToken: 'sts-token-1' };

beforeAll(async () => {
  ecs = await startEmulator({
    keys: [{ accessKeyId: 'testid', accessKeySecret: 'testsecret' }, STS_KEY],
  });
});
beforeEach(() => ecs.control.reset());
afterAll(() => ecs.close());

describe('Signature V2', () => {
  it.each(['GET', 'POST'] as const)('accepts a correctly signed %s', async (method) => {
    const response = await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { method });
    expect(response.status).toBe(200);
    expect(response.json().RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers XML when no Format is given, as ECS does', async () => {
    const response = await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { omit: ['Format'] });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('xml');
    expect(response.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><DescribeRegionsResponse><RequestId>/);
    expect(response.text).toContain('<Regions><Region><RegionId>');
  });

  it('rejects a wrong signature with SignatureDoesNotMatch and the server string to sign', async () => {
    const response = await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { secret: 'wrong' });
    expect(response.status).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    expect(body.Message).toContain('server string to sign is:POST&%2F&AccessKeyId%3Dtestid');
    expect(body.HostId).toBe(new URL(ecs.url).host);
    expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('rejects an unknown AccessKeyId', async () => {
    const response = await v2Request(
      ecs.url,
      { accessKeyId: 'nobody', accessKeySecret: 'x' },
      { Action: 'DescribeRegions' },
    );
    expect(response.status).toBe(404);
    expect(response.json().Code).toBe('InvalidAccessKeyId.NotFound');
  });

  it.each(['Action', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'])(
    'names a missing %s',
    async (name) => {
      const response = await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { omit: [name] });
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ Code: 'MissingParameter' });
      expect(response.json().Message).toContain(`"${name}"`);
    },
  );

  it('refuses a Timestamp more than 15 minutes off', async () => {
    const stale = isoTimestamp(new Date(Date.now() - 16 * 60 * 1000));
    const response = await v2Request(
      ecs.url,
      ecs.credentials,
      { Action: 'DescribeRegions' },
      { overrides: { Timestamp: stale } },
    );
    expect(response.status).toBe(400);
    expect(response.json().Code).toBe('InvalidTimeStamp.Expired');
    const malformed = await v2Request(
      ecs.url,
      ecs.credentials,
      { Action: 'DescribeRegions' },
      { overrides: { Timestamp: 'yesterday' } },
    );
    expect(malformed.json().Code).toBe('IllegalTimestamp');
  });

  it('refuses a nonce used before', async () => {
    const overrides = { SignatureNonce: 'nonce-once-only' };
    expect((await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { overrides })).status).toBe(200);
    const replay = await v2Request(ecs.url, ecs.credentials, { Action: 'DescribeRegions' }, { overrides });
    expect(replay.status).toBe(400);
    expect(replay.json().Code).toBe('SignatureNonceUsed');
  });

  it('refuses a wrong SignatureMethod, SignatureVersion or Version', async () => {
    const method = await v2Request(
      ecs.url,
      ecs.credentials,
      { Action: 'DescribeRegions' },
      { overrides: { SignatureMethod: 'HMAC-SHA256' } },
    );
    expect(method.json().Code).toBe('InvalidParamater');
    const version = await v2Request(
      ecs.url,
      ecs.credentials,
      { Action: 'DescribeRegions' },
      { overrides: { SignatureVersion: '2.0' } },
    );
    expect(version.json().Code).toBe('InvalidParamater');
    const api = await v2Request(
      ecs.url,
      ecs.credentials,
      { Action: 'DescribeRegions' },
      { overrides: { Version: '2016-01-01' } },
    );
    expect(api.status).toBe(400);
    expect(api.json().Code).toBe('InvalidParameter');
  });

  it('answers an unknown action with InvalidAction.NotFound', async () => {
    const response = await v2Request(ecs.url, ecs.credentials, { Action: 'LaunchRockets' });
    expect(response.status).toBe(404);
    expect(response.json().Code).toBe('InvalidAction.NotFound');
  });

  it('requires the security token of an STS key', async () => {
    const withToken = await v2Request(ecs.url, STS_KEY, { Action: 'DescribeRegions' });
    expect(withToken.status).toBe(200);
    const without = await v2Request(ecs.url, STS_KEY, { Action: 'DescribeRegions' }, { omit: ['SecurityToken'] });
    expect(without.json().Code).toBe('MissingSecurityToken');
    const wrong = await v2Request(
      ecs.url,
      STS_KEY,
      { Action: 'DescribeRegions' },
      { overrides: { SecurityToken: 'other' } },
    );
    expect(wrong.json().Code).toBe('InvalidSecurityToken.Mismatch');
  });
});

describe('Signature V3', () => {
  it('accepts a correctly signed request and answers JSON', async () => {
    const response = await v3Request(ecs.url, ecs.credentials, 'DescribeZones', { RegionId: 'cn-hangzhou' });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('json');
    expect(response.json().Zones).toBeDefined();
  });

  it('rejects a wrong signature, a missing signed header and an expired date', async () => {
    const wrong = await v3Request(ecs.url, ecs.credentials, 'DescribeRegions', {}, { secret: 'wrong' });
    expect(wrong.status).toBe(400);
    expect(wrong.json().Code).toBe('SignatureDoesNotMatch');
    const unsigned = await v3Request(ecs.url, ecs.credentials, 'DescribeRegions', {}, { omitSigned: ['x-acs-date'] });
    expect(unsigned.json().Code).toBe('IncompleteSignature');
    const stale = await v3Request(
      ecs.url,
      ecs.credentials,
      'DescribeRegions',
      {},
      { headers: { 'x-acs-date': isoTimestamp(new Date(Date.now() + 20 * 60 * 1000)) } },
    );
    expect(stale.json().Code).toBe('InvalidTimeStamp.Expired');
  });

  it('checks the body hash it was promised', async () => {
    const response = await v3Request(ecs.url, ecs.credentials, 'DescribeRegions', {}, { body: 'tampered=1' });
    expect(response.status).toBe(400);
    expect(response.json().Code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a replayed nonce', async () => {
    const headers = { 'x-acs-signature-nonce': 'v3-nonce-once' };
    expect((await v3Request(ecs.url, ecs.credentials, 'DescribeRegions', {}, { headers })).status).toBe(200);
    expect((await v3Request(ecs.url, ecs.credentials, 'DescribeRegions', {}, { headers })).json().Code).toBe(
      'SignatureNonceUsed',
    );
  });

  it('works with our client in both signature versions, including an STS key', async () => {
    for (const signatureVersion of ['v3', 'v2'] as const) {
      for (const credentials of [ecs.credentials, STS_KEY]) {
        const client = new EcsClient({ credentials, endpoint: ecs.url, signatureVersion });
        const { Regions } = await client.call('DescribeRegions');
        expect(Regions.Region.length).toBeGreaterThanOrEqual(4);
        await client.close();
      }
    }
  });
});

describe('faults and the control API', () => {
  const client = () => new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });

  it('injects a one-shot error with a RequestId, then answers normally', async () => {
    const response = await fetch(`${ecs.url}/__emulator/faults/inject`, {
      method: 'POST',
      body: JSON.stringify({
        action: 'DescribeRegions',
        code: 'ServiceUnavailable.RegionMaintaining',
        httpStatus: 503,
      }),
    });
    expect(response.status).toBe(200);
    const c = client();
    await expect(c.call('DescribeRegions')).rejects.toMatchObject({
      code: 'ServiceUnavailable.RegionMaintaining',
      statusCode: 503,
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
    });
    await expect(c.call('DescribeRegions')).resolves.toBeDefined();
    await c.close();
  });

  it('throttles every request at rate 1 and none at rate 0', async () => {
    const c = client();
    ecs.control.setFaults({ throttleRate: 1 });
    await expect(c.call('DescribeRegions')).rejects.toMatchObject({ code: 'Throttling', statusCode: 400 });
    ecs.control.setFaults({ throttleRate: 0 });
    await expect(c.call('DescribeRegions')).resolves.toBeDefined();
    await c.close();
  });

  it('limits requests per AccessKey like ECS flow control', async () => {
    ecs.control.setFaults({ rateLimitPerSecond: 3 });
    const c = client();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => c.call('DescribeRegions')));
    const throttled = results.filter((r) => r.status === 'rejected');
    expect(throttled.length).toBeGreaterThanOrEqual(5);
    expect((throttled[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'Throttling.User' });
    await c.close();
  });

  it('rejects control requests with unknown fields or bad values', async () => {
    const unknown = await fetch(`${ecs.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ latency: 5 }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('unknown field(s): latency');
    const bad = await fetch(`${ecs.url}/__emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const status = (await (await fetch(`${ecs.url}/__emulator/status`)).json()) as { faults: { throttleRate: number } };
    expect(status.faults.throttleRate).toBe(0);
  });

  it('refuses methods other than GET and POST', async () => {
    const response = await fetch(`${ecs.url}/`, { method: 'PUT' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('UnsupportedHTTPMethod');
  });
});
