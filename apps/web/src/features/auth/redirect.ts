/** The query parameter of `/login` that says where to go after signing in. */
export const NEXT_PARAM = 'next';

/**
 * Where to go after signing in: only a path of this console. Anything else (`//evil.example`,
 * `https://...`, `javascript:`) could send a freshly signed-in user to another site.
 */
export function safeRedirectTarget(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ [NEXT_PARAM]: next }).toString()}`;
}

/** What `<RequireSession>` tells the login page in the navigation's state. */
export interface LoginState {
  /** The session the page had ended without the user signing out. */
  readonly sessionExpired?: boolean;
}

export function isSessionExpiredState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as LoginState).sessionExpired === true;
}
