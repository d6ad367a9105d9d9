import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useUserRefetch } from '@/lib/background-fetch';
import { auditQueryKey, useAuditLog } from '../api/audit';
import { AuditTable } from '../components/AuditTable';

/** The BFF keeps more; the newest 500 cover days of a team's work and stay quick to filter. */
const AUDIT_LIMIT = 500;

const NO_ENTRIES: readonly never[] = [];

/** `/audit` (admins): who signed in and who did what, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const audit = useAuditLog(AUDIT_LIMIT);
  const refresh = useUserRefetch(auditQueryKey(AUDIT_LIMIT), audit.refetch);
  return (
    <SpaceBetween size="m">
      {audit.isError && (
        <ApiErrorAlert
          error={audit.error}
          header={t('audit.loadFailed')}
          action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      )}
      {audit.data && audit.data.skippedLines > 0 && (
        <Alert type="warning" header={t('audit.skippedLinesHeader')}>
          {t('audit.skippedLines', { count: audit.data.skippedLines })}
        </Alert>
      )}
      <AuditTable
        entries={audit.data?.entries ?? NO_ENTRIES}
        loading={audit.isPending}
        onRefresh={() => void refresh()}
      />
    </SpaceBetween>
  );
}
