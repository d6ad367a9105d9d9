import { hashKey, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { RequestOptions } from './api-client';

/**
 * Tells a query's fetches the user asked for (first load, Refresh, Retry) from those nobody asked
 * for (interval refreshes, polling, re-checks on window focus), so the latter carry the background
 * header and do not keep an unattended session alive. TanStack Query does not say why it fetches:
 * a query's first fetch is the user's, every later one is background unless a user action marked it.
 */

/** Query hashes whose next fetch a user asked for, per client (tests and reloads get their own). */
const userRequested = new WeakMap<QueryClient, Set<string>>();

export function markUserRequest(client: QueryClient, queryKey: QueryKey): void {
  let marks = userRequested.get(client);
  if (!marks) {
    marks = new Set();
    userRequested.set(client, marks);
  }
  marks.add(hashKey(queryKey));
}

/** What a queryFn gets from TanStack Query (`QueryFunctionContext`), the parts this needs. */
export interface QueryFetchContext {
  readonly client: QueryClient;
  readonly queryKey: QueryKey;
  readonly signal: AbortSignal;
}

/** True for a fetch nobody asked for. Consumes the user's mark, so only the fetch they asked for counts. */
export function isBackgroundFetch({ client, queryKey }: Omit<QueryFetchContext, 'signal'>): boolean {
  if (userRequested.get(client)?.delete(hashKey(queryKey))) return false;
  const state = client.getQueryState(queryKey);
  // No answer yet (not even an error): this is the load the user opened the page for.
  return state !== undefined && (state.dataUpdatedAt > 0 || state.errorUpdatedAt > 0);
}

/** The request options for a queryFn: its abort signal, and whether it is a background fetch. */
export function queryRequestOptions(context: QueryFetchContext): RequestOptions {
  return { signal: context.signal, background: isBackgroundFetch(context) };
}

/** A refetch the user asked for (a Refresh or Retry button): it counts as activity. */
export function useUserRefetch<T>(queryKey: QueryKey, refetch: () => Promise<T>): () => Promise<T> {
  const client = useQueryClient();
  return () => {
    markUserRequest(client, queryKey);
    return refetch();
  };
}
