import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useSession } from '@/lib/session';
import { LoginForm } from '../components/LoginForm';
import { isSessionExpiredState, NEXT_PARAM, safeRedirectTarget } from '../redirect';

export function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const session = useSession();
  const target = safeRedirectTarget(searchParams.get(NEXT_PARAM));

  // Already signed in, or just signed in: go where the user was going.
  if (session.data) return <Navigate to={target} replace />;

  return (
    <Box padding={{ vertical: 'xxxl', horizontal: 'l' }}>
      <Grid gridDefinition={[{ colspan: { default: 12, s: 6, l: 4 }, offset: { default: 0, s: 3, l: 4 } }]}>
        <Container header={<Header variant="h1">{t('login.title')}</Header>}>
          {session.isPending ? (
            <Spinner size="large" />
          ) : (
            <SpaceBetween size="m">
              {isSessionExpiredState(location.state as unknown) && (
                <Alert type="info">{t('feedback.session.expired')}</Alert>
              )}
              <LoginForm />
            </SpaceBetween>
          )}
        </Container>
      </Grid>
    </Box>
  );
}
