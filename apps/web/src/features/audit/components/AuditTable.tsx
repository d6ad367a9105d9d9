import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { TableEmptyState } from '@/components/TableEmptyState';
import { compareText } from '@/lib/compare';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { AuditEntry } from '@ecs-console/contract';
import { auditEntryMatches } from '../logic/audit-filter';

const PAGE_SIZE = 50;

/** `unknown`: ECS may or may not have applied the change (its answer was lost). */
const OUTCOME_INDICATOR = { success: 'success', failure: 'error', unknown: 'warning' } as const;

interface AuditTableProps {
  readonly entries: readonly AuditEntry[];
  readonly loading: boolean;
  readonly onRefresh: () => void;
}

export function AuditTable({ entries, loading, onRefresh }: AuditTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { items, actions, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(entries, {
    filtering: { filteringFunction: auditEntryMatches },
    sorting: {},
    pagination: { pageSize: PAGE_SIZE },
  });

  return (
    <Table
      {...collectionProps}
      items={items}
      empty={
        entries.length === 0 ? (
          <TableEmptyState title={t('audit.empty')} />
        ) : (
          <TableEmptyState
            title={t('audit.noMatch')}
            action={<Button onClick={() => actions.setFiltering('')}>{t('audit.clearFilter')}</Button>}
          />
        )
      }
      variant="full-page"
      stickyHeader
      loading={loading}
      loadingText={t('audit.loading')}
      ariaLabels={{ tableLabel: t('audit.title') }}
      header={
        <Header
          variant="h1"
          counter={`(${formatCount(entries.length, locale)})`}
          description={t('audit.description')}
          actions={<Button iconName="refresh" ariaLabel={t('audit.refresh')} onClick={onRefresh} />}
        >
          {t('audit.title')}
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringAriaLabel={t('audit.filterLabel')}
          filteringPlaceholder={t('audit.filterPlaceholder')}
          countText={filteredItemsCount === undefined ? undefined : t('audit.matches', { count: filteredItemsCount })}
        />
      }
      pagination={<Pagination {...paginationProps} />}
      columnDefinitions={[
        {
          id: 'time',
          header: t('audit.columns.time'),
          cell: (entry) => formatDateTime(entry.time, locale),
          // ISO times: text order is time order.
          sortingComparator: (a, b) => a.time.localeCompare(b.time),
          isRowHeader: true,
        },
        {
          id: 'user',
          header: t('audit.columns.user'),
          cell: (entry) => (entry.role ? `${entry.user} (${t(`roles.${entry.role}`)})` : entry.user),
          sortingComparator: (a, b) => compareText(a.user, b.user),
        },
        { id: 'event', header: t('audit.columns.event'), cell: (entry) => t(`audit.events.${entry.event}`) },
        {
          id: 'action',
          header: t('audit.columns.action'),
          cell: (entry) => entry.action ?? '-',
          sortingComparator: (a, b) => compareText(a.action ?? '', b.action ?? ''),
        },
        { id: 'region', header: t('audit.columns.region'), cell: (entry) => entry.regionId ?? '-' },
        {
          id: 'resources',
          header: t('audit.columns.resources'),
          cell: (entry) => (entry.resourceIds.length > 0 ? entry.resourceIds.join(', ') : '-'),
        },
        {
          id: 'outcome',
          header: t('audit.columns.outcome'),
          cell: (entry) => (
            <StatusIndicator type={OUTCOME_INDICATOR[entry.outcome]}>
              {t(`audit.outcomes.${entry.outcome}`)}
            </StatusIndicator>
          ),
        },
        {
          id: 'code',
          header: t('audit.columns.code'),
          cell: (entry) => (entry.code ? <Box variant="code">{entry.code}</Box> : '-'),
        },
        {
          id: 'requestId',
          header: t('audit.columns.requestId'),
          cell: (entry) => (entry.requestId ? <CopyableId id={entry.requestId} /> : '-'),
        },
      ]}
    />
  );
}
