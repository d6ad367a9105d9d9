import { createContext, useContext } from 'react';
import type { Session } from '../api/session';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only inside `<RequireSession>`, which renders nothing else without one. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession must be used inside <RequireSession>');
  return session;
}
