import { describe, expect, it } from 'vitest';
import { EcsClient, EcsError, resolveEndpoint } from '../src/index.js';
import { signV2 } from '../src/signing/v2.js';
import { ecsError, json, TestServer } from './support/test-server.js';
import { TEST_CREDENTIALS, testClient, useTestServer } from './support/client.js';
import { officialAuthorization } from './support/official.js';

const { server, client } = useTestServer();

describe('V3 requests', () => {
  it('sends the action in headers, parameters in the query, and a signature the official verifier accepts', async () => {
    server.handler = (_request, response) =>
      json(response, 200, { RequestId: 'R1', TotalCount: 0, PageNumber: 1, PageSize: 10, Instances: { Instance: [] } });
    const result = await client().call('DescribeInstances', {
      RegionId: 'cn-hangzhou',
      InstanceIds: ['i-1', 'i-2'],
      Tag: [{ Key: 'env', Value: 'prod' }],
      PageSize: 10,
    });
    expect(result.Instances.Instance).toEqual([]);
    expect(result.RequestId).toBe('R1');

    const received = server.requests[0]!;
    expect(received.method).toBe('POST');
    expect(received.headers['x-acs-action']).toBe('DescribeInstances');
    expect(received.headers['x-acs-version']).toBe('2014-05-26');
    expect(received.params).toEqual({
      RegionId: 'cn-hangzhou',
      InstanceIds: '["i-1","i-2"]',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      PageSize: '10',
    });
    const headers = Object.fromEntries(
      Object.entries(received.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    const expected = officialAuthorization(
      'POST',
      received.params,
      headers,
      headers['x-acs-content-sha256']!,
      'testid',
      TEST_CREDENTIALS.accessKeySecret,
    );
    expect(received.headers.authorization).toBe(expected);
  });

  it('sends the STS token as x-acs-security-token and signs it', async () => {
    await client({ credentials: { ...TEST_CREDENTIALS, securityToken: 'sts-token-value' } }).call('DescribeRegions');
    const received = server.requests[0]!;
    expect(received.headers['x-acs-security-token']).toBe('sts-token-value');
    expect(received.headers.authorization).toContain('x-acs-security-token');
  });

  it('uses a fresh nonce on every request', async () => {
    const c = client();
    await c.call('DescribeRegions');
    await c.call('DescribeRegions');
    const [a, b] = server.requests;
    expect(a!.headers['x-acs-signature-nonce']).not.toBe(b!.headers['x-acs-signature-nonce']);
  });
});

describe('V2 requests', () => {
  it('sends every parameter in a signed form body with Format=JSON', async () => {
    await client({ signatureVersion: 'v2', credentials: { ...TEST_CREDENTIALS, securityToken: 'sts' } }).call(
      'StopInstance',
      { InstanceId: 'i-1', ForceStop: true },
    );
    const received = server.requests[0]!;
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const { Signature, ...signed } = received.params;
    expect(signed).toMatchObject({
      Action: 'StopInstance',
      Version: '2014-05-26',
      Format: 'JSON',
      AccessKeyId: 'testid',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SecurityToken: 'sts',
      InstanceId: 'i-1',
      ForceStop: 'true',
    });
    expect(signed.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(signV2('POST', signed, TEST_CREDENTIALS.accessKeySecret)).toBe(Signature);
  });
});

describe('responses and errors', () => {
  it('maps an ECS error body to EcsError with code, message, RequestId, HostId, status, action and region', async () => {
    server.handler = (_request, response) =>
      ecsError(
        response,
        403,
        'IncorrectInstanceStatus',
        'The current status of the resource does not support this operation.',
      );
    const error = await client()
      .call('StartInstance', { InstanceId: 'i-1' }, { regionId: 'cn-beijing' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({
      kind: 'service',
      code: 'IncorrectInstanceStatus',
      message: 'The current status of the resource does not support this operation.',
      requestId: 'REQ-IncorrectInstanceStatus',
      hostId: 'ecs.test.local',
      statusCode: 403,
      action: 'StartInstance',
      regionId: 'cn-beijing',
      attempts: 1,
    });
  });

  it('treats a 200 with a failure Code as an error, as pop-core does', async () => {
    server.handler = (_request, response) =>
      json(response, 200, { RequestId: 'R', Code: 'Forbidden.RAM', Message: 'no' });
    await expect(client().call('DescribeRegions')).rejects.toMatchObject({ code: 'Forbidden.RAM', statusCode: 200 });
  });

  it('reports a non-JSON answer (a proxy page) as a response error with the status', async () => {
    server.handler = (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html>not here</html>');
    };
    await expect(client().call('DescribeRegions')).rejects.toMatchObject({
      kind: 'response',
      code: 'InvalidResponse',
      statusCode: 404,
    });
  });

  it('refuses a response larger than the cap', async () => {
    server.handler = (_request, response) => json(response, 200, { RequestId: 'R', Screenshot: 'x'.repeat(64 * 1024) });
    await expect(
      client({ maxResponseBytes: 16 * 1024 }).call('GetInstanceScreenshot', {
        RegionId: 'cn-hangzhou',
        InstanceId: 'i-1',
      }),
    ).rejects.toMatchObject({ kind: 'response', code: 'ResponseTooLarge' });
  });

  it('accepts a response as large as a screenshot by default', async () => {
    const screenshot = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    server.handler = (_request, response) =>
      json(response, 200, { RequestId: 'R', InstanceId: 'i-1', Screenshot: screenshot });
    const result = await client().call('GetInstanceScreenshot', { RegionId: 'cn-hangzhou', InstanceId: 'i-1' });
    expect(result.Screenshot).toHaveLength(screenshot.length);
  });

  it('tells a refused connection apart from an ECS error', async () => {
    const closed = await TestServer.start();
    const url = closed.url;
    await closed.close();
    const error = (await testClient(url, { retry: { maxAttempts: 1 } })
      .call('DescribeRegions')
      .catch((e: unknown) => e)) as EcsError;
    expect(error).toBeInstanceOf(EcsError);
    expect(error.kind).toBe('network');
    expect(error.maybeExecuted).toBe(false);
    expect(error.statusCode).toBeUndefined();
  });
});

describe('endpoints', () => {
  it('uses ecs.<region>.aliyuncs.com over HTTPS, and the central endpoint where the seed routes it', () => {
    expect(resolveEndpoint('ap-southeast-1').href).toBe('https://ecs.ap-southeast-1.aliyuncs.com/');
    expect(resolveEndpoint('eu-central-1').href).toBe('https://ecs.eu-central-1.aliyuncs.com/');
    expect(resolveEndpoint('cn-hangzhou').href).toBe('https://ecs.aliyuncs.com/');
    expect(resolveEndpoint(undefined).href).toBe('https://ecs.aliyuncs.com/');
  });

  it('lets one endpoint or per-region endpoints override the defaults', () => {
    expect(resolveEndpoint('eu-central-1', { endpoint: 'http://127.0.0.1:9100' }).href).toBe('http://127.0.0.1:9100/');
    expect(
      resolveEndpoint('cn-hangzhou', { endpoints: { 'cn-hangzhou': 'https://ecs-vpc.cn-hangzhou.aliyuncs.com' } }).href,
    ).toBe('https://ecs-vpc.cn-hangzhou.aliyuncs.com/');
  });

  it('rejects a malformed region ID or endpoint', () => {
    expect(() => resolveEndpoint('../../evil')).toThrow(/not a region ID/);
    expect(() => new EcsClient({ credentials: TEST_CREDENTIALS, endpoint: 'ftp://x' })).toThrow(/http or https/);
  });

  it('sends each call to the endpoint of its RegionId', async () => {
    const other = await TestServer.start();
    try {
      // No single endpoint: each region has its own.
      const c = client({ endpoint: undefined, endpoints: { 'cn-hangzhou': server.url, 'eu-central-1': other.url } });
      await c.call('DescribeZones', { RegionId: 'eu-central-1' });
      await c.call('StartInstance', { InstanceId: 'i-1' }, { regionId: 'cn-hangzhou' });
      expect(other.requests.map((r) => r.action)).toEqual(['DescribeZones']);
      expect(server.requests.map((r) => r.action)).toEqual(['StartInstance']);
    } finally {
      await other.close();
    }
  });
});
