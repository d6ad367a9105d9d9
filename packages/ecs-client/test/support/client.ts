import { EcsClient, type EcsClientOptions } from '../../src/index.js';

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
