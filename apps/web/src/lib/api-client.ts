/**
 * The one way the SPA talks to the BFF. Every request carries the session cookie (same origin only),
 * state-changing requests carry the CSRF header the BFF requires, requests nobody asked for carry the
 * background header, and every failure becomes an `ApiError` with the BFF's (or ECS's) code, message
 * and RequestId.
 */
import {
  BACKGROUND_HEADER,
  BACKGROUND_HEADER_VALUE,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  REQUEST_ID_HEADER,
  WARNING_HEADER,
  type ApiErrorBody,
} from '@ecs-console/contract';
import type { ActionRequest, ActionResponse, EcsActionName } from '@ecs-console/ecs-client';
import { reportConsoleWarning, warningOf } from './console-warnings';

/** Codes the SPA itself assigns when there is no answer from the BFF to report. */
const CLIENT_ERROR_CODES = ['NetworkError', 'UnexpectedResponse'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export interface ApiErrorFields {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId: string | null;
}

export class ApiError extends Error implements ApiErrorFields {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;

  constructor({ status, code, message, requestId }: ApiErrorFields) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isClientErrorCode(code: string): code is ClientErrorCode {
  return (CLIENT_ERROR_CODES as readonly string[]).includes(code);
}

/** `requestId` may be missing from bodies that did not come from the BFF itself. */
type ErrorBody = Omit<ApiErrorBody, 'requestId'> & { readonly requestId?: string | null };

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    (body.requestId === undefined || body.requestId === null || typeof body.requestId === 'string')
  );
}

/**
 * Builds the error for a failed response from its status, body text and `x-request-id` header.
 * The BFF always answers `{ code, message, requestId }`; anything else (a proxy's HTML page, an empty
 * body) still yields an error that says what happened.
 */
export function parseApiError(status: number, bodyText: string, headerRequestId: string | null): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new ApiError({
      status,
      code: body.code,
      message: body.message,
      requestId: body.requestId ?? headerRequestId,
    });
  }
  return new ApiError({
    status,
    code: 'UnexpectedResponse',
    message: `HTTP ${status}${bodyText.trim() ? `: ${bodyText.trim().slice(0, 200)}` : ''}`,
    requestId: headerRequestId,
  });
}

/** Any thrown value as an ApiError, so every error display can show code, message and RequestId. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 0, code: 'NetworkError', message, requestId: null });
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /**
   * A request nobody asked for (a list refresh, polling): the BFF does not count it as activity, so
   * an unattended console still reaches its idle timeout.
   */
  readonly background?: boolean;
}

export interface ApiFetchOptions extends RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
}

function backgroundHeaders(background: boolean | undefined): Record<string, string> {
  return background ? { [BACKGROUND_HEADER]: BACKGROUND_HEADER_VALUE } : {};
}

/** `fetch` to the BFF with the session cookie; a network failure becomes an `ApiError`. */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    // Aborts are not failures to report: let TanStack Query see the AbortError as it is.
    if (init.signal?.aborted) throw error;
    throw toApiError(error);
  }
}

/** The `ApiError` of a failed response, from its body and `x-request-id`. */
async function failureOf(response: Response): Promise<ApiError> {
  return parseApiError(response.status, await response.text(), response.headers.get(REQUEST_ID_HEADER));
}

/**
 * Calls the BFF and returns its JSON answer (`undefined` for 204). Throws `ApiError` on any failure.
 * A warning beside a success (`x-console-warning`) is reported to `onConsoleWarning` listeners.
 */
export async function apiFetch<T>(
  path: string,
  { method = 'GET', body, signal, background }: ApiFetchOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...backgroundHeaders(background) };
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const response = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await failureOf(response);
  return readAnswer<T>(response);
}

/** A successful response's JSON (`undefined` for 204), reporting a warning beside it. */
async function readAnswer<T>(response: Response): Promise<T> {
  const warningCode = response.headers.get(WARNING_HEADER);
  if (response.status === 204) {
    if (warningCode) reportConsoleWarning(warningOf(warningCode, undefined));
    return undefined as T;
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    throw new ApiError({
      status: response.status,
      code: 'UnexpectedResponse',
      message: `HTTP ${response.status}: the answer was not JSON`,
      requestId: response.headers.get(REQUEST_ID_HEADER),
    });
  }
  if (warningCode) reportConsoleWarning(warningOf(warningCode, answer));
  return answer as T;
}

export type ConditionalAnswer<T> =
  { readonly notModified: true } | { readonly notModified: false; readonly answer: T; readonly etag: string | null };

/**
 * A conditional GET: with the `ETag` of the answer the SPA already has, the BFF answers
 * `304 Not Modified` (no body) while nothing changed. `cache: 'no-store'` keeps the browser's HTTP
 * cache out of it, so a 304 reaches this code instead of being replaced by a cached copy. Failures
 * are `ApiError`s as with `apiFetch`.
 */
export async function apiFetchConditional<T>(
  path: string,
  etag: string | null,
  { signal, background }: RequestOptions = {},
): Promise<ConditionalAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...backgroundHeaders(background) };
  if (etag) headers['If-None-Match'] = etag;
  const response = await send(path, { headers, cache: 'no-store', signal });
  if (response.status === 304) return { notModified: true };
  if (!response.ok) throw await failureOf(response);
  return { notModified: false, answer: await readAnswer<T>(response), etag: response.headers.get('ETag') };
}

export interface BinaryResponse {
  readonly blob: Blob;
  /** The response's headers, e.g. `Content-Type` and the BFF's `X-Captured-At`. */
  readonly headers: Headers;
}

/**
 * GETs a binary answer (an image) from the BFF. Failures are JSON like every other route and become
 * the same `ApiError`.
 */
export async function apiFetchBinary(
  path: string,
  { signal, background }: RequestOptions = {},
): Promise<BinaryResponse> {
  const response = await send(path, { signal, headers: backgroundHeaders(background) });
  if (!response.ok) throw await failureOf(response);
  return { blob: await response.blob(), headers: response.headers };
}

/** The one action without a region: the BFF rejects a RegionId on it. */
type RegionlessAction = 'DescribeRegions';

/**
 * ECS's parameters for the action with natural JSON values, and `RegionId` for every action that
 * concerns a region (the BFF uses it as the endpoint for actions that do not take it themselves).
 */
export type EcsCallParams<A extends EcsActionName> = A extends RegionlessAction
  ? ActionRequest<A>
  : ActionRequest<A> & { readonly RegionId: string };

/** Calls one ECS action through the BFF's signing proxy, typed by the action's name. */
export function callEcsAction<A extends EcsActionName>(
  action: A,
  params: EcsCallParams<A>,
  options: RequestOptions = {},
): Promise<ActionResponse<A>> {
  return apiFetch<ActionResponse<A>>(`/api/ecs/${encodeURIComponent(action)}`, {
    method: 'POST',
    body: params,
    ...options,
  });
}
