import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Spinner from '@cloudscape-design/components/spinner';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useUserRefetch } from '@/lib/background-fetch';
import { SESSION_END_QUERY_KEY, SESSION_QUERY_KEY, SessionContext, useSession, type SessionEnd } from '@/lib/session';
import { loginPath, type LoginState } from '../redirect';

/**
 * Renders its children only for a signed-in user; everyone else is sent to the login page, which
 * brings them back here (path and query). When the session this page had ends without the user
 * signing out (expired, revoked elsewhere), the login page says so.
 */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const retry = useUserRefetch(SESSION_QUERY_KEY, session.refetch);
  // Whether this page had a session: losing it then is an expiry (or a sign-out), not a first visit.
  const [hadSession, setHadSession] = useState(false);
  if (session.data && !hadSession) setHadSession(true);

  if (session.isPending) {
    return (
      <Box padding="xxl" textAlign="center">
        <Spinner size="large" />
        <Box variant="p">{t('common.loading')}</Box>
      </Box>
    );
  }
  if (session.isError) {
    return (
      <Box padding="xxl">
        <ApiErrorAlert
          error={session.error}
          header={t('auth.sessionError')}
          action={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
        />
      </Box>
    );
  }
  if (!session.data) {
    const signedOut = queryClient.getQueryData<SessionEnd>(SESSION_END_QUERY_KEY) === 'signedOut';
    const state: LoginState = { sessionExpired: hadSession && !signedOut };
    return <Navigate to={loginPath(location.pathname + location.search)} state={state} replace />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
