/**
 * ECS takes a screenshot of one instance at most once every 10 seconds (GetInstanceScreenshot's
 * usage notes); a sooner call is answered `Throttling`.
 */
export const SCREENSHOT_MIN_INTERVAL_MS = 10_000;

/** Whole seconds left until `nextAt`, rounded up, so "1 s" is shown until the moment it is allowed. */
export function secondsUntil(nextAt: number | undefined, now: number): number {
  if (nextAt === undefined) return 0;
  return Math.max(0, Math.ceil((nextAt - now) / 1000));
}

/**
 * When each instance may next be asked for a screenshot. Kept outside React so the limit outlives
 * the Screenshot tab (leaving and reopening it within 10 s must not ask ECS again).
 */
export class ScreenshotCooldowns {
  private readonly nextAt = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  /** A screenshot was taken, or ECS refused one as throttled, at `now`. */
  note(key: string, now: number): void {
    this.nextAt.set(key, now + SCREENSHOT_MIN_INTERVAL_MS);
    for (const listener of this.listeners) listener();
  }

  /** Epoch ms from which the next screenshot of `key` is allowed; undefined if never taken. */
  next(key: string): number | undefined {
    return this.nextAt.get(key);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const screenshotCooldowns = new ScreenshotCooldowns();

export const cooldownKey = (regionId: string, instanceId: string) => `${regionId}/${instanceId}`;
