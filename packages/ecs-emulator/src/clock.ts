/**
 * Emulated time. It runs `speed` times faster than the wall clock, so tests see a 15-second stop
 * in milliseconds while a demo runs at a realistic pace. Changing the speed re-anchors it, so
 * emulated time never jumps backwards. Signature timestamps are checked against the real clock,
 * not this one.
 */
export class Clock {
  #speed: number;
  #anchorReal: number;
  #anchorEmulated: number;
  /** Every advance() so far, for wallNow(). */
  #advancedMs = 0;
  readonly #realNow: () => number;

  constructor(options: { speed?: number; start?: number; realNow?: () => number } = {}) {
    this.#realNow = options.realNow ?? (() => Date.now());
    this.#speed = validSpeed(options.speed ?? 1);
    this.#anchorReal = this.#realNow();
    this.#anchorEmulated = options.start ?? this.#anchorReal;
  }

  /** Emulated milliseconds since the epoch. */
  now(): number {
    return this.#anchorEmulated + (this.#realNow() - this.#anchorReal) * this.#speed;
  }

  /**
   * Wall-clock ms, moved on by advance() as well. Validity windows that a client lives through in
   * real time (a VNC URL's 15 seconds) are measured on it: they last as long at any speed, and a
   * test still moves past them by advancing the clock instead of waiting.
   */
  wallNow(): number {
    return this.#realNow() + this.#advancedMs;
  }

  get speed(): number {
    return this.#speed;
  }

  setSpeed(speed: number): void {
    const now = this.now();
    this.#speed = validSpeed(speed);
    this.#anchorReal = this.#realNow();
    this.#anchorEmulated = now;
  }

  /** Moves emulated time forward (tests). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
    this.#anchorEmulated += ms;
    this.#advancedMs += ms;
  }
}

function validSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a positive number, got ${speed}`);
  return speed;
}

/** `YYYY-MM-DDThh:mm:ssZ`, as disks, snapshots and security groups show times. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `YYYY-MM-DDThh:mmZ`, as instances show CreationTime, StartTime and ExpiredTime. */
export function isoMinutes(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}
