// @vitest-environment happy-dom
// TanStack Query runs intervals and focus refetches only where there is a window.
import { focusManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleetQueryKey, fleetQueryOptions } from '@/features/instances/api/fleet';
import { SLOW_REFRESH_MS } from '@/features/instances/logic/status';
import { isBackgroundFetch, markUserRequest } from '@/lib/background-fetch';
import { sessionQueryOptions } from '@/lib/session';
import { makeInstance } from './fixtures';

/** Whether each request to the BFF so far carried the background marker. */
function stubFleetAndSession() {
  const marks: boolean[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>((input, init) => {
      marks.push(new Headers(init?.headers).get('x-console-background') === '1');
      if (input === '/api/session') {
        return Promise.resolve(
          Response.json({ user: { username: 'root', role: 'admin' }, expiresAt: '', backend: {} }),
        );
      }
      const instances = [makeInstance({ Status: 'Running' })];
      return Promise.resolve(
        Response.json({ regionId: 'cn-hangzhou', instances, totalCount: 1, pages: 1, fetchedAt: '' }),
      );
    }),
  );
  return marks;
}

describe('background marker', () => {
  let client: QueryClient;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // As QueryClientProvider does: listen to window focus.
    client.mount();
  });

  afterEach(() => {
    client.unmount();
    client.clear();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('leaves the first load and Refresh unmarked, and marks interval refreshes of the instance list', async () => {
    const marks = stubFleetAndSession();
    const observer = new QueryObserver(client, fleetQueryOptions('cn-hangzhou'));
    const unsubscribe = observer.subscribe(() => {});

    await vi.waitFor(() => expect(marks).toEqual([false]));
    // Nothing else happens until the 30-second refresh: then nobody asked.
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(marks).toEqual([false, true]);

    // The Refresh button marks the fetch as the user's; the next interval one is background again.
    markUserRequest(client, fleetQueryKey('cn-hangzhou'));
    await observer.refetch();
    expect(marks).toEqual([false, true, false]);
    await vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS);
    expect(marks).toEqual([false, true, false, true]);
    unsubscribe();
  });

  it('marks the session re-check when the window regains focus', async () => {
    const marks = stubFleetAndSession();
    const observer = new QueryObserver(client, sessionQueryOptions());
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(marks).toEqual([false]));

    // Stale after a minute; focusing the window then re-reads it, unasked.
    await vi.advanceTimersByTimeAsync(61_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.waitFor(() => expect(marks).toEqual([false, true]));
    focusManager.setFocused(undefined);
    unsubscribe();
  });

  it('counts a failed first load as loaded: later automatic retries of the interval are background', () => {
    client.getQueryCache().build(client, { queryKey: ['probe'] });
    expect(isBackgroundFetch({ client, queryKey: ['probe'] })).toBe(false);
    client
      .getQueryCache()
      .find({ queryKey: ['probe'] })
      ?.setState({ errorUpdatedAt: 1, status: 'error' });
    expect(isBackgroundFetch({ client, queryKey: ['probe'] })).toBe(true);
    // A mark is used once.
    markUserRequest(client, ['probe']);
    expect(isBackgroundFetch({ client, queryKey: ['probe'] })).toBe(false);
    expect(isBackgroundFetch({ client, queryKey: ['probe'] })).toBe(true);
  });
});
