import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * Shown when a page fails to load or render, most often because a new release replaced the page's
 * script files: reloading fetches the new ones.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Box padding="xxl">
      <Alert
        type="error"
        header={t('routeError.title')}
        action={<Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>}
      >
        {error instanceof Error ? error.message : t('routeError.body')}
      </Alert>
    </Box>
  );
}
