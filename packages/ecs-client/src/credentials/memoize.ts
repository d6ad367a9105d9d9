import type { Credentials, CredentialsProvider } from './types.js';

const CACHING = Symbol('ecs-client.cachingCredentialsProvider');

/** Marks a provider that caches and refreshes by itself, so that it is not wrapped again. */
export function markCaching(provider: CredentialsProvider): CredentialsProvider {
  return Object.assign(provider, { [CACHING]: true });
}

export function isCaching(provider: CredentialsProvider): boolean {
  return (provider as { [CACHING]?: boolean })[CACHING] === true;
}

export interface MemoizeOptions {
  /** Fetch afresh this long before `expiration`. Default 3 minutes (as Alibaba Cloud's SDKs). */
  readonly refreshBeforeExpiryMs?: number;
  /** After a failed refresh, keep using still-valid credentials this long before trying again. Default 10 s. */
  readonly retryRefreshAfterMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Caches what `provider` resolves. Credentials without an `expiration` are kept for good; expiring
 * ones are fetched afresh `refreshBeforeExpiryMs` before they expire. Concurrent callers share one
 * fetch. A failed fetch is not cached: while the old credentials are still valid they keep being
 * used (the refresh is tried again a little later), and once they have expired the failure is thrown.
 */
export function memoizeCredentials(provider: CredentialsProvider, options: MemoizeOptions = {}): CredentialsProvider {
  if (isCaching(provider)) return provider;
  const refreshBeforeMs = options.refreshBeforeExpiryMs ?? 3 * 60_000;
  const retryRefreshAfterMs = options.retryRefreshAfterMs ?? 10_000;
  const now = options.now ?? Date.now;
  let current: Credentials | undefined;
  let currentPromise: Promise<Credentials> | undefined;
  let pending: Promise<Credentials> | undefined;
  let failedAt = -Infinity;

  const fetchFresh = (): Promise<Credentials> => {
    pending ??= provider().then(
      (credentials) => {
        current = credentials;
        currentPromise = Promise.resolve(credentials);
        pending = undefined;
        return credentials;
      },
      (error: unknown) => {
        failedAt = now();
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  return markCaching(() => {
    if (current === undefined) return fetchFresh();
    const expiresAt = current.expiration?.getTime();
    if (expiresAt === undefined) return currentPromise!;
    const time = now();
    if (time < expiresAt - refreshBeforeMs) return currentPromise!;
    if (time >= expiresAt) return fetchFresh();
    // Inside the refresh window the old credentials still work: use them if a refresh just failed.
    if (pending === undefined && time - failedAt < retryRefreshAfterMs) return currentPromise!;
    const stillValid = current;
    return fetchFresh().catch((error: unknown) => {
      if (now() < expiresAt) return stillValid;
      throw error;
    });
  });
}
