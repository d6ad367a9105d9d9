import type { EcsError } from '../errors.js';

export interface RetryQuotaOptions {
  /** Tokens in the full bucket. Default 500. */
  readonly capacity?: number;
  /** Tokens a retry costs. Default 5. */
  readonly retryCost?: number;
  /** Tokens a retry after a timeout or a lost connection costs. Default 10. */
  readonly timeoutRetryCost?: number;
  /** Tokens a call that succeeds at its first attempt returns. Default 1. */
  readonly successIncrement?: number;
}

/**
 * The retry budget shared by every call of a client, after AWS SDK v3's standard retry strategy:
 * a bucket of tokens that each retry draws from and each success refills. While ECS is healthy it
 * stays full and retries are free; when every call fails (sustained throttling, an outage) it
 * empties after `capacity / retryCost` retries and calls then fail at their first attempt instead
 * of multiplying the load on ECS. Successes refill it: one token each, or the cost of the retry
 * that succeeded.
 */
export class RetryQuota {
  readonly capacity: number;
  readonly #retryCost: number;
  readonly #timeoutRetryCost: number;
  readonly #successIncrement: number;
  #available: number;

  constructor(options: RetryQuotaOptions = {}) {
    this.capacity = options.capacity ?? 500;
    this.#retryCost = options.retryCost ?? 5;
    this.#timeoutRetryCost = options.timeoutRetryCost ?? 10;
    this.#successIncrement = options.successIncrement ?? 1;
    for (const [name, value] of Object.entries({
      capacity: this.capacity,
      retryCost: this.#retryCost,
      timeoutRetryCost: this.#timeoutRetryCost,
      successIncrement: this.#successIncrement,
    })) {
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry quota ${name} must be a number ≥ 0`);
    }
    this.#available = this.capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#available;
  }

  /** What retrying after this error costs: more after timeouts and lost connections, which tie up ECS longer. */
  costOf(error: EcsError): number {
    return error.kind === 'timeout' || error.kind === 'network' ? this.#timeoutRetryCost : this.#retryCost;
  }

  /** Takes the tokens for one retry and returns how many, or undefined (no retry) when too few are left. */
  acquire(error: EcsError): number | undefined {
    const cost = this.costOf(error);
    if (cost > this.#available) return undefined;
    this.#available -= cost;
    return cost;
  }

  /** A call succeeded: `retryCost` is what its last retry took (undefined when it needed none). */
  release(retryCost: number | undefined): void {
    this.#available = Math.min(this.capacity, this.#available + (retryCost ?? this.#successIncrement));
  }
}
