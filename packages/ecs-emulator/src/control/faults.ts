import { Random } from '../data/random.js';
import { apiError, internalError, serviceUnavailable, throttling, type EcsApiError } from '../protocol/errors.js';

/** Fault injection knobs; all off by default. */
export interface FaultSettings {
  /** Delay added before every answer. */
  readonly latencyMs: number;
  /** Share of requests answered `Throttling` (0–1). */
  readonly throttleRate: number;
  /** Share of requests answered `InternalError` (500) or `ServiceUnavailable` (503) (0–1). */
  readonly errorRate: number;
  /** Requests per second allowed per AccessKey before `Throttling`, as ECS flow control; 0 = no limit. */
  readonly rateLimitPerSecond: number;
  /**
   * Seed of the chance draws (throttleRate, errorRate): with one, the n-th request after the seed
   * was set meets the same fate in every run. Setting it again starts the pattern over. Without
   * one, Math.random decides.
   */
  readonly seed: number | undefined;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  throttleRate: 0,
  errorRate: 0,
  rateLimitPerSecond: 0,
  seed: undefined,
};

/** Changes to the settings; `seed: null` removes the seed. */
export type FaultChanges = Partial<Omit<FaultSettings, 'seed'>> & { readonly seed?: number | null | undefined };

/** How many requests a fault answered since the last reset. */
export interface FaultCounts {
  readonly injected: number;
  readonly flowControl: number;
  readonly throttled: number;
  readonly failed: number;
}

/** A one-shot (or N-shot) error for the next matching requests. */
export interface InjectedError {
  /** Only this action; any action when absent. */
  readonly action?: string | undefined;
  readonly code: string;
  readonly httpStatus: number;
  readonly message?: string | undefined;
  /** How many requests it answers. Default 1. */
  readonly count?: number | undefined;
}

const RECENT_ACTIONS = 1000;

interface TokenBucket {
  tokens: number;
  refilledAt: number;
}

/** Decides, per request, whether a fault answers instead of the provider. */
export class Faults {
  #settings: FaultSettings = NO_FAULTS;
  readonly #injected: (InjectedError & { remaining: number })[] = [];
  readonly #buckets = new Map<string, TokenBucket>();
  #random: () => number = Math.random;
  #counts = { injected: 0, flowControl: 0, throttled: 0, failed: 0 };
  /** Signed requests for known actions since the last reset, by action, and the latest ones' actions in order. */
  readonly #requestsByAction = new Map<string, number>();
  readonly #recentActions: string[] = [];

  constructor(settings: FaultChanges = {}) {
    this.update(settings);
  }

  get settings(): FaultSettings {
    return this.#settings;
  }

  get counts(): FaultCounts {
    return { ...this.#counts };
  }

  get requestsByAction(): Record<string, number> {
    return Object.fromEntries(this.#requestsByAction);
  }

  /** The actions of the latest requests (at most RECENT_ACTIONS), oldest first: who got through in which order. */
  get recentActions(): readonly string[] {
    return [...this.#recentActions];
  }

  /** Changes some settings; throws RangeError naming a bad one. */
  update(changes: FaultChanges): FaultSettings {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    // A null seed (JSON has no undefined) takes the seed away again.
    const next: FaultSettings = {
      ...this.#settings,
      ...defined,
      ...(changes.seed === null ? { seed: undefined } : {}),
    };
    checkRange('latencyMs', next.latencyMs, 0, 600_000);
    checkRange('throttleRate', next.throttleRate, 0, 1);
    checkRange('errorRate', next.errorRate, 0, 1);
    checkRange('rateLimitPerSecond', next.rateLimitPerSecond, 0, 1_000_000);
    if (next.seed !== undefined) checkRange('seed', next.seed, 0, 0xffffffff, { integer: true });
    if (next.rateLimitPerSecond !== this.#settings.rateLimitPerSecond) this.#buckets.clear();
    if (changes.seed !== undefined) {
      const random = next.seed === undefined ? undefined : new Random(next.seed);
      this.#random = random ? () => random.next() : Math.random;
    }
    this.#settings = next;
    return next;
  }

  inject(error: InjectedError): void {
    if (!/^[A-Za-z][\w.]*$/.test(error.code)) throw new RangeError('code must be an ECS-style error code');
    checkRange('httpStatus', error.httpStatus, 400, 599);
    const count = error.count ?? 1;
    checkRange('count', count, 1, 1_000_000);
    this.#injected.push({ ...error, remaining: count });
  }

  get pendingInjections(): number {
    return this.#injected.reduce((sum, error) => sum + error.remaining, 0);
  }

  reset(): void {
    this.#settings = NO_FAULTS;
    this.#random = Math.random;
    this.#counts = { injected: 0, flowControl: 0, throttled: 0, failed: 0 };
    this.#injected.length = 0;
    this.#buckets.clear();
    this.#requestsByAction.clear();
    this.#recentActions.length = 0;
  }

  /** The fault that answers this request, if any: injected errors first, then flow control, then chance. */
  decide(action: string, accessKeyId: string, realNow: number): EcsApiError | undefined {
    this.#requestsByAction.set(action, (this.#requestsByAction.get(action) ?? 0) + 1);
    this.#recentActions.push(action);
    if (this.#recentActions.length > RECENT_ACTIONS) this.#recentActions.shift();
    const index = this.#injected.findIndex((error) => error.action === undefined || error.action === action);
    if (index >= 0) {
      const error = this.#injected[index]!;
      if (--error.remaining === 0) this.#injected.splice(index, 1);
      this.#counts.injected++;
      return apiError(error.httpStatus, error.code, error.message ?? `Injected ${error.code} for ${action}.`);
    }
    const { rateLimitPerSecond, throttleRate, errorRate } = this.#settings;
    if (rateLimitPerSecond > 0 && !this.#take(accessKeyId, realNow, rateLimitPerSecond)) {
      this.#counts.flowControl++;
      return apiError(400, 'Throttling.User', 'Request was denied due to user flow control.');
    }
    if (throttleRate > 0 && this.#random() < throttleRate) {
      this.#counts.throttled++;
      return throttling();
    }
    if (errorRate > 0 && this.#random() < errorRate) {
      this.#counts.failed++;
      return this.#random() < 0.5 ? internalError() : serviceUnavailable();
    }
    return undefined;
  }

  /** Token bucket per AccessKey: `rate` tokens, refilled continuously. */
  #take(accessKeyId: string, now: number, rate: number): boolean {
    const bucket = this.#buckets.get(accessKeyId) ?? { tokens: rate, refilledAt: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.refilledAt) / 1000) * rate);
    bucket.refilledAt = now;
    this.#buckets.set(accessKeyId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function checkRange(name: string, value: number, min: number, max: number, options: { integer?: boolean } = {}): void {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (options.integer && !Number.isInteger(value))
  ) {
    throw new RangeError(`${name} must be ${options.integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
}
