import Alert from '@cloudscape-design/components/alert';
import { useTranslation } from 'react-i18next';

/** What a diagnostics tab shows for an instance that is not running, instead of calling ECS. */
export function NotRunningState({ tool }: { readonly tool: 'screenshot' | 'consoleOutput' | 'console' }) {
  const { t } = useTranslation();
  return (
    <Alert type="info" header={t('diagnostics.notRunning.title')}>
      {t(`diagnostics.notRunning.${tool}`)}
    </Alert>
  );
}
