import { useCollection, type PropertyFilterQuery } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import Table from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TableEmptyState } from '@/components/TableEmptyState';
import { useLocale } from '@/lib/i18n';
import { filteringOptionsOf, matchesQuery, tagKeysOf } from '../logic/filtering';
import { toInstanceRow } from '../logic/instance-row';
import type { InstanceSummary } from '@ecs-console/contract';
import { useInstanceColumns } from './instance-columns';
import { InstanceTableHeader } from './InstanceTableHeader';
import { TablePreferences } from './TablePreferences';
import { useFilteringProperties } from './use-filtering-properties';
import { useTablePreferences } from './use-table-preferences';

const EMPTY_QUERY: PropertyFilterQuery = { tokens: [], operation: 'and' };

interface InstanceTableProps {
  readonly regionId: string;
  readonly instances: readonly InstanceSummary[];
  readonly loading: boolean;
  /** When the list was last fetched (ms since the epoch), 0 before the first answer. */
  readonly updatedAt: number;
  readonly onRefresh: () => Promise<unknown>;
}

/**
 * The region's instances. Everything is computed once per fetch (rows, filter suggestions, tag
 * properties) and only one page of rows is rendered, so 10,000 instances stay responsive.
 */
export function InstanceTable({ regionId, instances, loading, updatedAt, onRefresh }: InstanceTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [preferences, setPreferences] = useTablePreferences();
  const columns = useInstanceColumns();

  const rows = useMemo(() => instances.map((instance) => toInstanceRow(instance, locale)), [instances, locale]);
  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const tagKeys = useMemo(() => tagKeysOf(rows), [rows]);
  const filteringProperties = useFilteringProperties(tagKeys);
  const filteringOptions = useMemo(
    () =>
      filteringOptionsOf(rows).map((option) =>
        option.propertyKey === 'status'
          ? { ...option, label: t(`instanceStatus.${option.value as InstanceSummary['Status']}`) }
          : option,
      ),
    [rows, t],
  );

  const { items, allPageItems, actions, collectionProps, propertyFilterProps, paginationProps, filteredItemsCount } =
    useCollection(rows, {
      propertyFiltering: {
        filteringProperties,
        filteringOptions,
        filteringFunction: matchesQuery,
      },
      sorting: {},
      pagination: { pageSize: preferences.pageSize },
      selection: { keepSelection: true, trackBy: 'id' },
    });

  // Selected rows as they are now: the selection keeps the rows of an older fetch, and instances
  // that are gone drop out.
  const selectedInstances = useMemo(
    () => (collectionProps.selectedItems ?? []).flatMap((row) => rowsById.get(row.id)?.instance ?? []),
    [collectionProps.selectedItems, rowsById],
  );

  return (
    <Table
      {...collectionProps}
      items={items}
      columnDefinitions={columns}
      empty={
        rows.length === 0 ? (
          <TableEmptyState title={t('instances.empty.title')} subtitle={t('instances.empty.subtitle', { regionId })} />
        ) : (
          <TableEmptyState
            title={t('instances.noMatch.title')}
            action={
              <Button onClick={() => actions.setPropertyFiltering(EMPTY_QUERY)}>{t('instances.noMatch.clear')}</Button>
            }
          />
        )
      }
      columnDisplay={preferences.contentDisplay}
      wrapLines={preferences.wrapLines}
      stripedRows={preferences.stripedRows}
      variant="full-page"
      stickyHeader
      resizableColumns
      enableKeyboardNavigation
      selectionType="multi"
      loading={loading}
      loadingText={t('instances.loading')}
      ariaLabels={{
        selectionGroupLabel: t('table.selectionGroup'),
        allItemsSelectionLabel: () => t('table.selectAll'),
        itemSelectionLabel: (_selection, row) => t('table.selectItem', { name: row.name || row.id }),
        tableLabel: t('instances.title'),
      }}
      header={
        <InstanceTableHeader
          regionId={regionId}
          instances={instances}
          selectedInstances={selectedInstances}
          filteredRows={allPageItems}
          updatedAt={updatedAt}
          onRefresh={onRefresh}
        />
      }
      filter={
        <PropertyFilter
          {...propertyFilterProps}
          onChange={(event) => {
            // Acting on rows the user can no longer see would surprise: a new filter starts a new selection.
            actions.setSelectedItems([]);
            propertyFilterProps.onChange(event);
          }}
          filteringAriaLabel={t('instances.filter.ariaLabel')}
          filteringPlaceholder={t('instances.filter.placeholder')}
          countText={
            filteredItemsCount === undefined ? undefined : t('instances.filter.matches', { count: filteredItemsCount })
          }
          customGroupsText={[
            {
              group: 'tags',
              properties: t('instances.filter.tagProperties'),
              values: t('instances.filter.tagPropertyValues'),
            },
          ]}
          // Up to 500 suggestions per property (see filteringOptionsOf): render only the visible ones.
          virtualScroll
          expandToViewport
        />
      }
      pagination={<Pagination {...paginationProps} />}
      preferences={<TablePreferences preferences={preferences} columns={columns} onChange={setPreferences} />}
    />
  );
}
