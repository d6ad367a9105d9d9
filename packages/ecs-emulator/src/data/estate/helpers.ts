import type { Random } from '../random.js';
import { DAY, HOUR, SECOND } from './scenario.js';

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A whole second from two hours to 364 days before `now`. */
export function withinPastYear(rng: Random, now: number): number {
  return now - rng.int((2 * HOUR) / SECOND, (364 * DAY) / SECOND) * SECOND;
}

/** A whole second between `from` and `to`. */
export function between(rng: Random, from: number, to: number): number {
  return Math.ceil(from / SECOND) * SECOND + rng.int(0, Math.max(0, Math.floor((to - from) / SECOND) - 1)) * SECOND;
}

export function yyyymmdd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Numbered names per prefix: `web-prod-01`, `web-prod-02`, ... */
export class NameBook {
  readonly #counts = new Map<string, number>();
  readonly #width: number;

  constructor(width: number) {
    this.#width = width;
  }

  next(prefix: string): string {
    const n = (this.#counts.get(prefix) ?? 0) + 1;
    this.#counts.set(prefix, n);
    return `${prefix}-${String(n).padStart(this.#width, '0')}`;
  }
}

/** Unique public addresses of one region's block, handed out in a seeded, increasing order. */
export class AddressPool {
  readonly #rng: Random;
  readonly #block: readonly [number, number];
  #next: number;

  constructor(rng: Random, block: readonly [number, number]) {
    this.#rng = rng;
    this.#block = block;
    this.#next = rng.int(0, 40_000);
  }

  take(): string {
    const n = this.#next;
    this.#next += this.#rng.int(1, 16);
    // 254 usable host addresses per /24, 256 /24s per /16.
    const [first, second] = this.#block;
    return `${first}.${second + Math.floor(n / (254 * 256))}.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
  }
}
