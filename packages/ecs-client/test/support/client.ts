import { afterAll, afterEach, beforeAll } from 'vitest';
import { EcsClient, type EcsClientOptions } from '../../src/index.js';
import { json, TestServer } from './test-server.js';

export const TEST_CREDENTIALS = { accessKeyId: 'testid', accessKeySecret: 'testsecret-DO-NOT-LEAK-0123456789' };

/** A client aimed at a local test server, with fast retries so tests stay quick. */
export function testClient(url: string, options: EcsClientOptions = {}): EcsClient {
  return new EcsClient({
    credentials: TEST_CREDENTIALS,
    endpoint: url,
    regionId: 'cn-hangzhou',
    ...options,
    retry: { baseDelayMs: 1, maxDelayMs: 5, ...options.retry },
  });
}

/**
 * One TestServer for the whole test file, listening from `beforeAll`. After each test the clients
 * made by `client()` are closed, the recorded requests cleared and the default handler (200 with
 * a RequestId) restored.
 */
export function useTestServer() {
  const server = TestServer.create();
  const clients: EcsClient[] = [];
  beforeAll(() => server.listen());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    server.requests.length = 0;
    server.handler = (_request, response) => json(response, 200, { RequestId: 'TEST-REQUEST' });
  });
  afterAll(() => server.close());
  const client = (options: EcsClientOptions = {}): EcsClient => {
    const created = testClient(server.url, options);
    clients.push(created);
    return created;
  };
  return { server, client };
}
