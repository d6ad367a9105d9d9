import type { LoginRequest, PasswordChangeRequest, SessionAnswer } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { SESSION_END_QUERY_KEY, SESSION_QUERY_KEY, type SessionEnd } from '@/lib/session';

export function signIn(credentials: LoginRequest): Promise<SessionAnswer> {
  return apiFetch<SessionAnswer>('/api/session', { method: 'POST', body: credentials });
}

export function signOut(): Promise<void> {
  return apiFetch<void>('/api/session', { method: 'DELETE' });
}

/** The signed-in user's own password; answers 204, or 403 WrongPassword / 400 WeakPassword. */
export function changePassword(change: PasswordChangeRequest): Promise<void> {
  return apiFetch<void>('/api/session/password', { method: 'PUT', body: change });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.removeQueries({ queryKey: SESSION_END_QUERY_KEY, exact: true });
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Signed out: <RequireSession> now sends the user to the login page, without saying it expired.
      queryClient.setQueryData<SessionEnd>(SESSION_END_QUERY_KEY, 'signedOut');
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      // Nothing of the previous user's data may remain for the next one. (Clearing the whole
      // cache would also drop the session query its observers are subscribed to.)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.getMutationCache().clear();
    },
  });
}
