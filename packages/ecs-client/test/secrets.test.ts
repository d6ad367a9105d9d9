import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EcsClientLogger, EcsError } from '../src/index.js';
import { json, TestServer } from './support/test-server.js';
import { TEST_CREDENTIALS, testClient } from './support/client.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server.close());

const SECRET = TEST_CREDENTIALS.accessKeySecret;
const TOKEN = 'sts-token-SHOULD-NOT-LEAK-abcdef';

/** Everything a developer might print about an error or a client. */
function renderings(value: unknown): string {
  const error = value as EcsError;
  return [
    String(value),
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value),
    error.message,
    error.stack ?? '',
    inspect(error.cause, { depth: 10, showHidden: true }),
  ].join('\n');
}

function logs(): { lines: string[]; logger: EcsClientLogger } {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      debug: (entry, message) => lines.push(`${message} ${JSON.stringify(entry)}`),
      warn: (entry, message) => lines.push(`${message} ${JSON.stringify(entry)}`),
    },
  };
}

describe('secrets never leak', () => {
  it.each(['v3', 'v2'] as const)(
    'keeps the secret, token and signature out of errors and logs (%s)',
    async (signatureVersion) => {
      let signature = '';
      // A hostile or buggy server that echoes everything it was sent back in its error message.
      server.handler = (request, response) => {
        signature =
          request.params.Signature ?? /Signature=([0-9a-f]+)/.exec(request.headers.authorization ?? '')?.[1] ?? '';
        json(response, 400, {
          RequestId: 'R',
          Code: 'SignatureDoesNotMatch',
          Message: `echo ${SECRET} ${TOKEN} ${signature} ${encodeURIComponent(signature)} ${request.body} ${request.url}`,
        });
      };
      const { lines, logger } = logs();
      const client = testClient(server.url, {
        signatureVersion,
        logger,
        credentials: { ...TEST_CREDENTIALS, securityToken: TOKEN },
      });
      const error = await client.call('DescribeRegions').catch((e: unknown) => e);
      await client.close();
      expect(signature.length).toBeGreaterThan(10);
      const printed = `${renderings(error)}\n${lines.join('\n')}`;
      expect(printed).toContain('SignatureDoesNotMatch');
      for (const leaked of [SECRET, TOKEN, signature, encodeURIComponent(signature)]) {
        expect(printed).not.toContain(leaked);
      }
    },
  );

  it('does not show the secret when the client itself is inspected or serialised', () => {
    const client = testClient(server.url);
    const printed = `${inspect(client, { depth: 10, showHidden: true })}${JSON.stringify(client)}`;
    expect(printed).not.toContain(SECRET);
  });

  it('keeps the secret out of network and timeout errors', async () => {
    server.handler = (_request, response) => {
      setTimeout(() => json(response, 200, { RequestId: 'LATE' }), 2_500);
    };
    const client = testClient(server.url, { headersTimeoutMs: 50, retry: { maxAttempts: 1 } });
    const error = await client.call('DescribeRegions').catch((e: unknown) => e);
    await client.close();
    expect((error as EcsError).kind).toBe('timeout');
    expect(renderings(error)).not.toContain(SECRET);
  });
});
