import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * Per-user settings in localStorage (`ecs-console:<username>:<name>`). Storage can be unavailable
 * or full (private windows, quotas): reads then fall back and writes are dropped, never thrown.
 */
export function userStorageKey(username: string, name: string): string {
  return `ecs-console:${username}:${name}`;
}

// Same-tab writes do not fire the `storage` event, so hooks reading the same key are told here.
const sameTabListeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  sameTabListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    sameTabListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeRaw(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    return;
  }
  for (const listener of sameTabListeners) listener();
}

/** Parses stored JSON; `undefined` when absent or not JSON. */
function parseStoredJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A value kept in localStorage under `key`. `parse` turns the stored JSON into a valid value (or the
 * fallback); pass a function defined outside the component so it stays the same between renders.
 */
export function useStoredValue<T>(key: string, parse: (stored: unknown) => T): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  const value = useMemo(() => parse(parseStoredJson(raw)), [parse, raw]);
  const setValue = useCallback((next: T) => writeRaw(key, JSON.stringify(next)), [key]);
  return [value, setValue];
}
