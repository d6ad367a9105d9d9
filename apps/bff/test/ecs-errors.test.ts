import type { AddressInfo } from 'node:net';
import { EcsError, type EcsErrorKind } from '@ecs-console/ecs-client';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEcsError } from '../src/errors.js';

// Each kind of client failure, thrown by a route on a real server, and what the browser is told.
const failures: Record<string, EcsError> = {
  request: new EcsError({
    kind: 'request',
    code: 'InvalidParameter',
    message: 'parameter Description: the value is not well-formed Unicode',
    maybeExecuted: false,
  }),
  network: new EcsError({ kind: 'network', code: 'ECONNREFUSED', message: 'connect refused', maybeExecuted: false }),
  timeout: new EcsError({ kind: 'timeout', code: 'Timeout', message: 'deadline 30 s', maybeExecuted: false }),
  credentials: new EcsError({ kind: 'credentials', code: 'Credentials.NotFound', message: 'x', maybeExecuted: false }),
};

let server: ReturnType<express.Express['listen']>;
let base: string;

beforeAll(async () => {
  const app = express();
  app.get('/:kind', (request, response) => sendEcsError(response, failures[request.params.kind]!));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('sendEcsError', () => {
  it.each<[EcsErrorKind, number, string]>([
    ['request', 400, 'InvalidParameter'],
    ['network', 502, 'EcsUnreachable'],
    ['timeout', 504, 'EcsTimeout'],
    ['credentials', 503, 'EcsCredentials'],
  ])('answers a %s failure %i %s', async (kind, status, code) => {
    const response = await fetch(`${base}/${kind}`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });

  it("names the parameter the client could not send, as the caller's fault", async () => {
    const body = (await (await fetch(`${base}/request`)).json()) as { message: string };
    expect(body.message).toContain('Description');
  });
});
