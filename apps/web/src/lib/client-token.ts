import { useCallback, useMemo, useRef } from 'react';

/** A ClientToken from the browser's CSPRNG (`crypto.randomUUID` needs a secure context; this does not). */
export function newClientToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The ClientToken for a write: the same values sent again (a double click, a retry after an outcome
 * the BFF could not learn) reuse the token, so ECS acts once; other values get a new one.
 */
export function useClientToken(): (request: object) => string {
  const last = useRef<{ readonly key: string; readonly token: string } | null>(null);
  return useCallback((request: object) => {
    const key = JSON.stringify(request);
    if (last.current?.key !== key) last.current = { key, token: newClientToken() };
    return last.current.token;
  }, []);
}

/**
 * One request of a form at a time: a second submit before the first has failed (a double click
 * before the button shows it is busy, or after success while the dialog closes) is ignored.
 * `start` says whether this one may go; `settled` allows another (after a failure).
 */
export function useOneAtATime(): { readonly start: () => boolean; readonly settled: () => void } {
  const busy = useRef(false);
  return useMemo(
    () => ({
      start: () => {
        if (busy.current) return false;
        busy.current = true;
        return true;
      },
      settled: () => {
        busy.current = false;
      },
    }),
    [],
  );
}
