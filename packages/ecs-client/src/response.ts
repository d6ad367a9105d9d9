import { EcsError } from './errors.js';
import type { HttpResponse } from './transport/http-transport.js';

/** The fields of an ECS answer the client reads itself. */
export interface EcsBody {
  RequestId?: string;
  HostId?: string;
  Code?: string | number;
  Message?: string;
  Recommend?: string;
}

/** ECS answers some successful calls with a `Code` too; these mean success (as pop-core treats them). */
const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

/** The parsed body of a successful answer; an `EcsError` for an error answer or one that is not ECS's. */
export function parseResponse(response: HttpResponse): EcsBody {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new EcsError({
      kind: 'response',
      code: 'InvalidResponse',
      message: `ECS answered HTTP ${response.statusCode} with a body that is not a JSON object`,
      statusCode: response.statusCode,
      requestId: headerValue(response.headers['x-acs-request-id']),
      retryAfterMs: retryAfterMs(response),
    });
  }
  const parsed = body as EcsBody;
  const code = parsed.Code === undefined ? undefined : String(parsed.Code);
  if (response.statusCode >= 400 || (code !== undefined && !SUCCESS_CODES.has(code))) {
    throw new EcsError({
      kind: 'service',
      code: code ?? `HTTP${response.statusCode}`,
      message: parsed.Message ?? `ECS answered HTTP ${response.statusCode}`,
      statusCode: response.statusCode,
      requestId: parsed.RequestId ?? headerValue(response.headers['x-acs-request-id']),
      hostId: parsed.HostId,
      recommend: parsed.Recommend,
      retryAfterMs: retryAfterMs(response),
    });
  }
  return parsed;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(response: HttpResponse, now: number = Date.now()): number | undefined {
  const value = headerValue(response.headers['retry-after'])?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
