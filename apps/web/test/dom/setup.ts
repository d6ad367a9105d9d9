import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';
import { initI18n } from '@/lib/i18n';

// The console's own texts in English, as a user with an English browser reads them.
initI18n(['en']);

/*
 * Cloudscape's Flashbar schedules a state change a moment after a message appears (its entering
 * animation) and does not cancel it on unmount. When a file's last test ends on a message, that
 * timer would fire after Vitest has torn the DOM down, and React, finding no `window`, throws an
 * uncaught error that fails the run. Timers still pending when a file ends are cleared here.
 */
const pendingTimers = new Set<ReturnType<typeof setTimeout>>();
const nativeSetTimeout = globalThis.setTimeout;
const nativeClearTimeout = globalThis.clearTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
  const timer = nativeSetTimeout(() => {
    pendingTimers.delete(timer);
    handler(...args);
  }, delay);
  pendingTimers.add(timer);
  return timer;
}) as typeof setTimeout;
globalThis.clearTimeout = ((timer: ReturnType<typeof setTimeout> | undefined) => {
  if (timer !== undefined) pendingTimers.delete(timer);
  nativeClearTimeout(timer);
}) as typeof clearTimeout;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

afterAll(() => {
  for (const timer of pendingTimers) nativeClearTimeout(timer);
  pendingTimers.clear();
});
