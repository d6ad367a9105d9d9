import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { sendError } from '../errors.js';
import type { Queryable } from '../storage/database.js';
import { DatabaseThrottleStore } from '../storage/throttle-store.js';
import { currentSession } from './session.js';

/** Where the counters live (shared by replicas) and the console's clock (epoch ms). */
export interface ThrottleDeps {
  readonly db: Queryable;
  readonly now?: (() => number) | undefined;
}

/** Failed attempts allowed per window, per client address and per account. */
export const FAILURES_PER_WINDOW = 10;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/**
 * Only failures count (answers of 400 and above), so staff who sign in often are never held up.
 * A key that reaches the limit is refused with `429` and `Retry-After` until its window ends: a
 * cool-down, not a lockout.
 */
function failureLimiter(
  deps: ThrottleDeps,
  prefix: string,
  what: string,
  options: {
    keyGenerator?: (request: Request, response: Response) => string;
    isFailure?: (response: Response) => boolean;
  } = {},
): RequestHandler {
  const now = deps.now ?? (() => Date.now());
  return rateLimit({
    store: new DatabaseThrottleStore(deps.db, { prefix, now }),
    // When the database does not answer, the store's error goes to the error handler: 503
    // StorageUnavailable. Failing closed is deliberate: letting guesses through unthrottled while
    // the counters cannot be kept would turn an outage into an open door, and a sign-in could not
    // succeed anyway without the database (users live there too).
    passOnStoreError: false,
    windowMs: THROTTLE_WINDOW_MS,
    limit: FAILURES_PER_WINDOW,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    ...(options.keyGenerator ? { keyGenerator: options.keyGenerator } : {}),
    ...(options.isFailure
      ? { requestWasSuccessful: (_request: Request, response: Response) => !options.isFailure!(response) }
      : {}),
    handler: (request: Request, response: Response) => {
      const info = (request as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const minutes = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - now()) / 60_000)) : 15;
      sendError(
        response,
        429,
        'TooManyLoginAttempts',
        `Too many failed ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    },
  });
}

/**
 * Sign-in throttles: per client address (Express's `request.ip`: set CONSOLE_TRUST_PROXY behind a
 * reverse proxy, or every user shares the proxy's counter) and per account name, so guesses
 * spread over many addresses still meet a limit.
 */
export function loginThrottles(deps: ThrottleDeps): RequestHandler[] {
  const accountName = (request: Request) => {
    const username = (request.body as { username?: unknown } | undefined)?.username;
    return `account:${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
  };
  return [
    failureLimiter(deps, 'login-address:', 'sign-in attempts'),
    failureLimiter(deps, 'login-account:', 'sign-in attempts for this account', { keyGenerator: accountName }),
  ];
}

/** Wrong current passwords (`403 WrongPassword`) on `PUT /api/session/password`, per signed-in account. */
export function passwordChangeThrottle(deps: ThrottleDeps): RequestHandler {
  return failureLimiter(deps, 'password-change:', 'attempts at the current password', {
    keyGenerator: (_request, response) => `account-id:${currentSession(response).accountId}`,
    isFailure: (response) => response.statusCode === 403,
  });
}
