import type { SessionAnswer } from '@ecs-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { apiFetch, isApiError } from './api-client';
import { queryRequestOptions, type QueryFetchContext } from './background-fetch';

/**
 * The signed-in session: shared state every feature reads (role checks, per-user preferences), so it
 * lives here rather than in the auth feature, which signs in and out.
 */
export const SESSION_QUERY_KEY = ['session'] as const;

/**
 * How the last session ended, when the user ended it (`'signedOut'`): any other end of a session
 * the page had (a 401 from an API call, the session gone when read again) is an expiry, which the
 * login page says. Client state only, kept under the session's key so signing out keeps it.
 */
export const SESSION_END_QUERY_KEY = ['session', 'end'] as const;
export type SessionEnd = 'signedOut';

/** The signed-in session, or `null` when there is none (401). */
export async function getSession(context: QueryFetchContext): Promise<SessionAnswer | null> {
  try {
    return await apiFetch<SessionAnswer>('/api/session', queryRequestOptions(context));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: getSession,
    // The BFF renews the cookie as it is used; re-reading the session on focus notices expiry.
    staleTime: 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export const SessionContext = createContext<SessionAnswer | null>(null);

/** The signed-in session; only inside `<RequireSession>`, which renders nothing else without one. */
export function useCurrentSession(): SessionAnswer {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession must be used inside <RequireSession>');
  return session;
}
