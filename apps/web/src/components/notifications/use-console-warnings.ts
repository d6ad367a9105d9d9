import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onConsoleWarning } from '@/lib/console-warnings';
import { useNotifications } from './use-notifications';

/**
 * Shows every warning the BFF adds to a successful answer (`x-console-warning`), e.g. a change ECS
 * applied but the audit log could not record: the user must know the record is missing.
 */
export function useConsoleWarningNotifications(): void {
  const { t } = useTranslation();
  const { notify } = useNotifications();
  useEffect(
    () =>
      onConsoleWarning(({ code, message }) => {
        if (code === 'AuditNotRecorded') {
          notify({
            type: 'warning',
            header: t('warnings.AuditNotRecorded.header'),
            content: message || t('warnings.AuditNotRecorded.fallback'),
          });
        } else {
          notify({ type: 'warning', header: t('warnings.other.header', { code: String(code) }), content: message });
        }
      }),
    [notify, t],
  );
}
