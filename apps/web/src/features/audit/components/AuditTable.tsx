import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import { TableEmptyState } from '@/components/TableEmptyState';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { StoredAuditEntry } from '@ecs-console/contract';
import type { AuditPreferences } from '../logic/audit-preferences';
import type { KeysetPages } from '../logic/keyset-pages';
import { loadedCount } from '../logic/keyset-pages';
import type { AuditColumn } from './audit-columns';
import { AuditPreferencesControl } from './AuditPreferences';

interface AuditTableProps {
  readonly entries: readonly StoredAuditEntry[];
  readonly loading: boolean;
  readonly failed: boolean;
  readonly filtered: boolean;
  readonly pages: KeysetPages;
  readonly page: number;
  readonly columns: readonly AuditColumn[];
  readonly preferences: AuditPreferences;
  readonly exportHref: string;
  readonly filters: React.ReactNode;
  readonly onPage: (page: number) => void;
  readonly onRefresh: () => void;
  readonly onClearFilters: () => void;
  readonly onPreferences: (preferences: AuditPreferences) => void;
}

/** One page of entries with the filters above, keyset pages below and the header's count and actions. */
export function AuditTable({
  entries,
  loading,
  failed,
  filtered,
  pages,
  page,
  columns,
  preferences,
  exportHref,
  filters,
  onPage,
  onRefresh,
  onClearFilters,
  onPreferences,
}: AuditTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { count, more } = loadedCount(pages);
  const shownCount = formatCount(count, locale);

  let empty;
  if (failed) {
    empty = (
      <TableEmptyState title={t('resourceList.loadFailed.title')} subtitle={t('resourceList.loadFailed.subtitle')} />
    );
  } else if (page > 1) {
    empty = <TableEmptyState title={t('audit.noMorePages')} />;
  } else if (filtered) {
    empty = (
      <TableEmptyState
        title={t('audit.noMatch')}
        subtitle={t('audit.noMatchSubtitle')}
        action={<Button onClick={onClearFilters}>{t('audit.filters.clear')}</Button>}
      />
    );
  } else {
    empty = <TableEmptyState title={t('audit.empty')} />;
  }

  return (
    <Table
      items={entries}
      trackBy="id"
      columnDefinitions={columns}
      columnDisplay={preferences.contentDisplay}
      // Codes, messages and IDs are read whole: lines wrap rather than cut.
      wrapLines
      stripedRows={preferences.stripedRows}
      variant="full-page"
      stickyHeader
      enableKeyboardNavigation
      loading={loading}
      loadingText={t('audit.loading')}
      empty={empty}
      ariaLabels={{ tableLabel: t('audit.title') }}
      header={
        <Header
          variant="h1"
          counter={
            count > 0 || !more ? t(more ? 'audit.counterMore' : 'audit.counter', { count: shownCount }) : undefined
          }
          description={
            <>
              {t('audit.description')} {count > 0 && t(more ? 'audit.loadedCountMore' : 'audit.loadedCount', { count })}
            </>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={t('audit.refresh')} onClick={onRefresh} />
              <Button
                iconName="download"
                href={exportHref}
                download
                ariaLabel={`${t('audit.export.button')}. ${t('audit.export.description')}`}
              >
                {t('audit.export.button')}
              </Button>
            </SpaceBetween>
          }
        >
          {t('audit.title')}
        </Header>
      }
      filter={
        <SpaceBetween size="s">
          {filters}
          <SpaceBetween direction="horizontal" size="s" alignItems="center">
            <Button disabled={!filtered} onClick={onClearFilters}>
              {t('audit.filters.clear')}
            </Button>
            <Box variant="small" color="text-body-secondary">
              {t('audit.export.description')}
            </Box>
          </SpaceBetween>
        </SpaceBetween>
      }
      pagination={
        <Pagination
          currentPageIndex={page}
          pagesCount={pages.cursors.length}
          openEnd={!pages.ended}
          disabled={loading}
          onChange={({ detail }) => onPage(detail.currentPageIndex)}
        />
      }
      preferences={<AuditPreferencesControl preferences={preferences} columns={columns} onChange={onPreferences} />}
    />
  );
}
