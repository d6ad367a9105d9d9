import { EcsError } from '../errors.js';
import { sleep } from '../retry/sleep.js';

export interface WaitOptions {
  /** Give up after this long. Default 10 minutes. */
  readonly timeoutMs?: number;
  /** First pause between polls. Default 2 s. */
  readonly minDelayMs?: number;
  /** Longest pause between polls; pauses grow 1.5x from the first. Default 15 s. */
  readonly maxDelayMs?: number;
  readonly signal?: AbortSignal;
  /** Told every observed state, e.g. to show progress. */
  readonly onPoll?: (observation: PollObservation) => void;
}

export interface PollObservation {
  readonly attempt: number;
  readonly state: string;
  readonly elapsedMs: number;
}

export type PollResult<T> =
  | { readonly outcome: 'success'; readonly state: string; readonly value: T }
  | { readonly outcome: 'failure'; readonly state: string; readonly message: string }
  | { readonly outcome: 'pending'; readonly state: string };

/**
 * The one generic waiter: polls `check` with growing pauses until it reports success (resolves with
 * its value), failure (throws `EcsError` of kind `waiter`) or time runs out (throws kind `timeout`,
 * code `WaiterTimeout`, naming the last state seen).
 */
export async function waitUntil<T>(
  description: string,
  check: (signal: AbortSignal | undefined) => Promise<PollResult<T>>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const minDelayMs = options.minDelayMs ?? 2_000;
  const maxDelayMs = Math.max(minDelayMs, options.maxDelayMs ?? 15_000);
  const started = performance.now();
  let delayMs = minDelayMs;

  for (let attempt = 1; ; attempt++) {
    const result = await check(options.signal);
    const elapsedMs = performance.now() - started;
    options.onPoll?.({ attempt, state: result.state, elapsedMs });
    if (result.outcome === 'success') return result.value;
    if (result.outcome === 'failure') {
      throw new EcsError({
        kind: 'waiter',
        code: 'WaiterFailure',
        message: `${description}: ${result.message}`,
        attempts: attempt,
      });
    }
    const remainingMs = timeoutMs - elapsedMs;
    if (remainingMs <= 0) {
      throw new EcsError({
        kind: 'timeout',
        code: 'WaiterTimeout',
        message: `${description}: still ${result.state} after ${Math.round(elapsedMs / 1000)} s`,
        attempts: attempt,
      });
    }
    try {
      await sleep(Math.min(delayMs, remainingMs), options.signal);
    } catch {
      throw new EcsError({
        kind: 'aborted',
        code: 'RequestAborted',
        message: `${description}: aborted while ${result.state}`,
      });
    }
    delayMs = Math.min(maxDelayMs, delayMs * 1.5);
  }
}
