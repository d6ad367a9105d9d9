import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, isApiError } from '@/lib/api-client';
import type { Role } from '@/lib/roles';

/** `GET /api/session`. */
export interface Session {
  readonly user: { readonly username: string; readonly role: Role };
  readonly backend: {
    /** `emulator` means no real cloud resources are behind the console. */
    readonly kind: 'emulator' | 'endpoint' | 'cloud';
    readonly defaultRegion: string;
  };
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The signed-in session, or `null` when there is none (401). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiFetch<Session>('/api/session', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const SESSION_QUERY_KEY = ['session'] as const;

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(signal),
    // The BFF renews the cookie as it is used; re-reading the session on focus notices expiry.
    staleTime: 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export function signIn(credentials: Credentials): Promise<Session> {
  return apiFetch<Session>('/api/session', { method: 'POST', body: credentials });
}

export function signOut(): Promise<void> {
  return apiFetch<void>('/api/session', { method: 'DELETE' });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => queryClient.setQueryData(SESSION_QUERY_KEY, session),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Signed out: <RequireSession> now sends the user to the login page.
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      // Nothing of the previous user's data may remain for the next one. (Clearing the whole
      // cache would also drop the session query its observers are subscribed to.)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.getMutationCache().clear();
    },
  });
}
