import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useUserRefetch } from '@/lib/background-fetch';
import { SESSION_QUERY_KEY, SessionContext, useSession } from '@/lib/session';
import { loginPath } from '../redirect';

/** Renders its children only for a signed-in user; everyone else is sent to the login page. */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const retry = useUserRefetch(SESSION_QUERY_KEY, session.refetch);

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
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
