import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { markUserRequest } from '@/lib/background-fetch';
import { useCurrentSession } from '@/lib/session';
import { userStorageKey, useStoredValue } from '@/lib/stored-value';
import type { StoredAuditEntry } from '@ecs-console/contract';
import { AUDIT_QUERY_KEY, auditPageQueryKey } from '../api/audit';
import { useAuditColumns } from '../components/audit-columns';
import { AuditEntryDetail } from '../components/AuditEntryDetail';
import { AuditFilters } from '../components/AuditFilters';
import { AuditTable } from '../components/AuditTable';
import { useAuditAddress } from '../hooks/use-audit-address';
import { useAuditPaging } from '../hooks/use-audit-paging';
import { parseAuditPreferences } from '../logic/audit-preferences';
import { auditExportPath, auditViewKey, hasFilters, resolveAuditFilter } from '../logic/audit-query';

const NO_ENTRIES: readonly StoredAuditEntry[] = [];

/**
 * `/audit` (admins): who signed in and who did what, newest first, filtered on the server and paged
 * through the whole log; an entry's detail opens from its row or from a link (`?entry=<id>`).
 */
export function AuditPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user } = useCurrentSession();
  const [preferences, setPreferences] = useStoredValue(
    userStorageKey(user.username, 'audit-table'),
    parseAuditPreferences,
  );
  const { view, entryId, changeView, setEntryId, entryHref } = useAuditAddress();
  const { query, pages, page, goToPage } = useAuditPaging(view, preferences.pageSize);
  const entries = query.data?.entries ?? NO_ENTRIES;
  // Relative times and a relative range count from the last answer.
  const [openedAt] = useState(Date.now);
  const now = query.dataUpdatedAt || openedAt;

  const refresh = useCallback(() => {
    // Every page of this view is re-read (the one shown now, the others when shown again).
    markUserRequest(queryClient, auditPageQueryKey(view, preferences.pageSize, pages.cursors[page - 1]));
    void queryClient.invalidateQueries({ queryKey: [...AUDIT_QUERY_KEY, 'page', auditViewKey(view)] });
  }, [queryClient, view, preferences.pageSize, pages.cursors, page]);

  const columns = useAuditColumns({ timeZone: preferences.timeZone, now, entryHref, onOpen: setEntryId });
  const clearFilters = useCallback(() => changeView(() => ({})), [changeView]);

  return (
    <SpaceBetween size="m">
      {query.isError && (
        <ApiErrorAlert
          error={query.error}
          header={t('audit.loadFailed')}
          action={<Button onClick={refresh}>{t('common.retry')}</Button>}
        />
      )}
      <AuditTable
        entries={query.isError ? NO_ENTRIES : entries}
        loading={!query.isError && (query.isPending || query.isPlaceholderData)}
        failed={query.isError}
        filtered={hasFilters(view)}
        pages={pages}
        page={page}
        columns={columns}
        preferences={preferences}
        exportHref={auditExportPath(resolveAuditFilter(view, now))}
        filters={<AuditFilters view={view} onChange={changeView} />}
        onPage={goToPage}
        onRefresh={refresh}
        onClearFilters={clearFilters}
        onPreferences={setPreferences}
      />
      {entryId && (
        <AuditEntryDetail
          entryId={entryId}
          loaded={entries.find((entry) => entry.id === entryId)}
          onClose={() => setEntryId(undefined)}
        />
      )}
    </SpaceBetween>
  );
}
