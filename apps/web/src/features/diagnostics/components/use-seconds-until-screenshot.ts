import { useCallback, useSyncExternalStore } from 'react';
import { cooldownKey, screenshotCooldowns, secondsUntil } from '../logic/screenshot-limit';

/** Often enough that the countdown never shows a second late by more than a quarter of one. */
const TICK_MS = 250;

/** Seconds until ECS allows the next screenshot of the instance; 0 when it may be taken now. */
export function useSecondsUntilScreenshot(regionId: string, instanceId: string): number {
  const key = cooldownKey(regionId, instanceId);
  const subscribe = useCallback((onChange: () => void) => {
    const unsubscribe = screenshotCooldowns.subscribe(onChange);
    // The clock moves on its own: re-read it; React re-renders only when the whole second changes.
    const timer = setInterval(onChange, TICK_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, []);
  return useSyncExternalStore(subscribe, () => secondsUntil(screenshotCooldowns.next(key), Date.now()));
}
