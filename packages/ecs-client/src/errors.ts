import { inspect } from 'node:util';

/**
 * What went wrong, from the caller's point of view:
 * - `service`: ECS answered with an error body (`Code`, `Message`, `RequestId`, `HostId`).
 * - `network`: no usable answer (connection refused or reset, DNS, TLS).
 * - `timeout`: a connect, header, body or overall deadline ran out.
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `response`: an answer that is not an ECS response (not JSON, too large, a proxy's HTML page).
 * - `credentials`: no usable AccessKey could be found.
 * - `request`: the call cannot be sent as asked (a parameter that cannot be encoded); never retried.
 * - `waiter`: a waited-for resource reached a failure state or vanished.
 */
export type EcsErrorKind =
  'service' | 'network' | 'timeout' | 'aborted' | 'response' | 'credentials' | 'request' | 'waiter';

export interface EcsErrorDetails {
  readonly kind: EcsErrorKind;
  readonly code: string;
  readonly message: string;
  readonly action?: string | undefined;
  readonly regionId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly hostId?: string | undefined;
  /** ECS's HTTP status; undefined when no response arrived. */
  readonly statusCode?: number | undefined;
  /** ECS's troubleshooting link, when the gateway sends one. */
  readonly recommend?: string | undefined;
  /** How many attempts were made before giving up. */
  readonly attempts?: number | undefined;
  /**
   * For `network` and `timeout`: whether the request may have reached ECS. A write that may have
   * been executed is never re-sent unless it carries a ClientToken.
   */
  readonly maybeExecuted?: boolean | undefined;
  /** How long ECS asked the caller to wait (a `Retry-After` header), in ms. */
  readonly retryAfterMs?: number | undefined;
  readonly cause?: unknown;
}

/**
 * The one error the client throws. It carries ECS's code, message and RequestId, never the
 * AccessKey secret, a signature or a signed URL: those are not given to it, and its message is
 * scrubbed of them by the client before it is built.
 */
export class EcsError extends Error {
  override readonly name = 'EcsError';
  readonly kind: EcsErrorKind;
  readonly code: string;
  readonly action: string | undefined;
  readonly regionId: string | undefined;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly statusCode: number | undefined;
  readonly recommend: string | undefined;
  readonly attempts: number;
  readonly maybeExecuted: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(details: EcsErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.code = details.code;
    this.action = details.action;
    this.regionId = details.regionId;
    this.requestId = details.requestId;
    this.hostId = details.hostId;
    this.statusCode = details.statusCode;
    this.recommend = details.recommend;
    this.attempts = details.attempts ?? 1;
    this.maybeExecuted = details.maybeExecuted ?? details.kind === 'service';
    this.retryAfterMs = details.retryAfterMs;
  }

  /** A copy with more context (the client adds the action, region and attempt count). */
  with(details: Partial<Omit<EcsErrorDetails, 'kind' | 'code' | 'message'>>): EcsError {
    return new EcsError({ ...this.toJSON(), cause: this.cause, ...details });
  }

  get isThrottling(): boolean {
    return this.code.startsWith('Throttling') || this.statusCode === 429;
  }

  /** A plain object for logs and API bodies: no stack, no cause. */
  toJSON(): EcsErrorDetails & { name: string } {
    return {
      name: this.name,
      kind: this.kind,
      code: this.code,
      message: this.message,
      action: this.action,
      regionId: this.regionId,
      requestId: this.requestId,
      hostId: this.hostId,
      statusCode: this.statusCode,
      recommend: this.recommend,
      attempts: this.attempts,
      maybeExecuted: this.maybeExecuted,
      retryAfterMs: this.retryAfterMs,
    };
  }

  [inspect.custom](): string {
    const where = [this.action, this.regionId].filter(Boolean).join(' in ');
    const ids = [
      this.statusCode === undefined ? undefined : `HTTP ${this.statusCode}`,
      this.requestId === undefined ? undefined : `RequestId ${this.requestId}`,
    ].filter(Boolean);
    return `EcsError [${this.kind}] ${this.code}: ${this.message}${where ? ` (${where})` : ''}${
      ids.length > 0 ? ` [${ids.join(', ')}]` : ''
    }\n${(this.stack ?? '').split('\n').slice(1).join('\n')}`;
  }
}

export function isEcsError(value: unknown): value is EcsError {
  return value instanceof EcsError;
}

/**
 * The error for a request cut short by an AbortSignal: `timeout` when the signal was a timeout
 * (`AbortSignal.timeout`), else `aborted`. The request may have reached ECS.
 */
export function abortedError(signal: AbortSignal, cause?: Error): EcsError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return new EcsError({
    kind: timedOut ? 'timeout' : 'aborted',
    code: timedOut ? 'RequestTimeout' : 'RequestAborted',
    message: timedOut ? "the caller's deadline passed" : 'the call was aborted by the caller',
    maybeExecuted: true,
    cause,
  });
}
