import type { EcsError } from '../errors.js';

export interface RetryOptions {
  /** Attempts per call, the first included. Default 4; 1 disables retries. The client's retry quota caps them too. */
  readonly maxAttempts?: number;
  /** First backoff ceiling; doubles each retry. Default 200 ms. */
  readonly baseDelayMs?: number;
  /** First backoff ceiling after throttling, which needs longer to clear. Default 500 ms. */
  readonly throttleBaseDelayMs?: number;
  /** Largest backoff ceiling. Default 5 s. */
  readonly maxDelayMs?: number;
  /** No retry starts after this much time since the first attempt. Default 30 s. */
  readonly budgetMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxAttempts: Math.max(1, options.maxAttempts ?? 4),
    baseDelayMs: options.baseDelayMs ?? 200,
    throttleBaseDelayMs: options.throttleBaseDelayMs ?? Math.max(500, options.baseDelayMs ?? 0),
    maxDelayMs: options.maxDelayMs ?? 5_000,
    budgetMs: options.budgetMs ?? 30_000,
  };
}

/** Codes that mean "try again later", not "this request is wrong". */
const RETRYABLE_CODE = /^(Throttling|ServiceUnavailable|InternalError|UnknownError)/;

/** Codes of flow control, which rejects a request before it runs. */
const REJECTED_UNEXECUTED = /^Throttling/;

/**
 * Whether a failed attempt may be sent again.
 *
 * `idempotent` is true for reads and for writes that carry a ClientToken (ECS runs a token once).
 * Any other write is re-sent only when the failure proves it never ran: the connection was never
 * made, or flow control refused it.
 */
export function isRetryable(error: EcsError, idempotent: boolean): boolean {
  switch (error.kind) {
    case 'aborted':
    case 'credentials':
    case 'request':
    case 'waiter':
      return false;
    case 'network':
    case 'timeout':
      return idempotent || !error.maybeExecuted;
    case 'response':
    case 'service': {
      const transient =
        RETRYABLE_CODE.test(error.code) ||
        error.statusCode === 429 ||
        (error.statusCode !== undefined && error.statusCode >= 500);
      if (!transient) return false;
      return idempotent || REJECTED_UNEXECUTED.test(error.code) || error.statusCode === 429;
    }
  }
}

/**
 * "Full jitter" backoff: a uniform random wait between 0 and min(maxDelay, base * 2^retry), which
 * spreads retries of many clients out instead of having them return in step. Throttling backs off
 * from the larger `throttleBaseDelayMs`; a `Retry-After` the server sent is a floor.
 */
export function backoffDelayMs(
  retry: number,
  options: ResolvedRetryOptions,
  random: () => number = Math.random,
  error?: EcsError,
): number {
  const base = error?.isThrottling ? options.throttleBaseDelayMs : options.baseDelayMs;
  const ceiling = Math.min(options.maxDelayMs, base * 2 ** retry);
  return Math.max(Math.floor(random() * ceiling), error?.retryAfterMs ?? 0);
}
