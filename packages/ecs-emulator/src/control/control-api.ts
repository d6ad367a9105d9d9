import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../protocol/parse.js';
import type { EmulatorControl } from './control.js';
import type { FaultChanges, InjectedError } from './faults.js';

/** The path prefix of the control API: ECS never uses it. */
export const CONTROL_PREFIX = '/__emulator/';

/**
 * `GET  /__emulator/status`            what runs, and the fault settings
 * `PUT  /__emulator/faults`            `{ latencyMs?, throttleRate?, errorRate?, rateLimitPerSecond?, seed? }`
 * `POST /__emulator/faults/inject`     `{ action?, code, httpStatus, message?, count? }`
 * `PUT  /__emulator/clock`             `{ speed?, advanceMs? }`
 * `POST /__emulator/reset`             `{ keepState? }`: no faults, initial estate
 * Answered only to loopback clients.
 */
export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  control: EmulatorControl,
): Promise<void> {
  if (!isLoopback(request.socket.remoteAddress)) {
    reply(response, 403, { error: 'the control API answers loopback clients only' });
    return;
  }
  const route = `${request.method ?? 'GET'} ${(request.url ?? '').split('?')[0]!.slice(CONTROL_PREFIX.length - 1)}`;
  try {
    const body = request.method === 'GET' ? {} : await readJson(request);
    switch (route) {
      case 'GET /status':
        reply(response, 200, control.status());
        return;
      case 'PUT /faults':
      case 'POST /faults':
        reply(
          response,
          200,
          control.setFaults(
            pick<FaultChanges>(body, ['latencyMs', 'throttleRate', 'errorRate', 'rateLimitPerSecond', 'seed']),
          ),
        );
        return;
      case 'POST /faults/inject':
        control.injectError(
          pick<InjectedError>(body, ['action', 'code', 'httpStatus', 'message', 'count']) as InjectedError,
        );
        reply(response, 200, control.status());
        return;
      case 'PUT /clock':
      case 'POST /clock': {
        const { speed, advanceMs } = pick<{ speed: number; advanceMs: number }>(body, ['speed', 'advanceMs']);
        if (speed !== undefined) control.setSpeed(speed);
        if (advanceMs !== undefined) control.advanceClock(advanceMs);
        reply(response, 200, control.status());
        return;
      }
      case 'POST /reset':
        control.reset(pick<{ keepState: boolean }>(body, ['keepState']));
        reply(response, 200, control.status());
        return;
      default:
        reply(response, 404, { error: `no control route ${route}` });
    }
  } catch (error) {
    reply(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))
  );
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(request)).toString('utf8');
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** Only the named keys, so a typo is reported rather than silently ignored. */
function pick<T>(body: Record<string, unknown>, keys: readonly (keyof T & string)[]): Partial<T> {
  const unknown = Object.keys(body).filter((key) => !keys.includes(key as keyof T & string));
  if (unknown.length > 0) throw new TypeError(`unknown field(s): ${unknown.join(', ')}; expected ${keys.join(', ')}`);
  return body as Partial<T>;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
