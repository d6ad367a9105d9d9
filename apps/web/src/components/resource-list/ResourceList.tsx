import Button from '@cloudscape-design/components/button';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { TableEmptyState } from '@/components/TableEmptyState';
import { formatTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { EMPTY_QUERY } from '@/lib/url-state';
import { downloadRowsCsv } from './list-csv';
import { PAGE_SIZES, type TablePreferences } from './list-preferences';
import { ListPreferences } from './ListPreferences';
import { ResourceListFilter } from './ResourceListFilter';
import { ResourceListHeader } from './ResourceListHeader';
import type { ResourceListProps } from './types';
import { useListPreferences } from './use-list-preferences';
import { useListSelection } from './use-list-selection';
import { useListView } from './use-list-view';

/**
 * The console's resource list: a full-page table whose filter, sort, page and page size live in the
 * address, whose selection never hides (see useListSelection), and which counts and calls empty
 * only what loaded. A failed first load shows the error and a table that says it could not load; a
 * failed refresh keeps the rows, marked stale. Each resource page gives its columns, filter
 * properties, wording, stored preferences, CSV columns and actions; everything else is here.
 */
export function ResourceList<T, C extends string, E extends string>({
  items,
  source,
  onRefresh,
  columns,
  trackBy,
  itemLabel,
  filtering,
  labels,
  labelValues,
  preferences: storedPreferences,
  renderSummary,
  renderActions,
  csv,
}: ResourceListProps<T, C, E>) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The keys are checked where the labels are written (I18nKey); here any of them is translated alike.
  const translate = t as unknown as (key: string, options?: Readonly<Record<string, string | number>>) => string;
  const label = (key: string | undefined) => (key ? translate(key, labelValues) : '');
  const [preferences, setPreferences] = useListPreferences(storedPreferences.name, storedPreferences.model);

  const view = useListView({
    items,
    columns,
    match: filtering.match,
    filterItems: filtering.filterItems,
    defaultPageSize: preferences.pageSize,
    pageSizes: PAGE_SIZES,
  });
  const selection = useListSelection({
    items,
    pageItems: view.pageItems,
    trackBy,
    match: filtering.match,
    query: view.query,
  });

  const loaded = items !== undefined;
  const firstLoadFailed = !loaded && source.isError;
  const { setQuery, setSorting, setPage, resetPageSize } = view;
  const clearFilter = useCallback(() => setQuery(EMPTY_QUERY), [setQuery]);
  const confirmPreferences = useCallback(
    (next: TablePreferences<C>) => {
      setPreferences(next);
      if (next.pageSize !== view.pageSize) resetPageSize();
    },
    [setPreferences, resetPageSize, view.pageSize],
  );
  const shownPreferences = useMemo(() => ({ ...preferences, pageSize: view.pageSize }), [preferences, view.pageSize]);

  let empty;
  if (firstLoadFailed) {
    empty = (
      <TableEmptyState title={t('resourceList.loadFailed.title')} subtitle={t('resourceList.loadFailed.subtitle')} />
    );
  } else if (loaded && items.length === 0) {
    empty = <TableEmptyState title={label(labels.emptyTitle)} subtitle={label(labels.emptySubtitle)} />;
  } else {
    empty = (
      <TableEmptyState
        title={label(labels.noMatchTitle)}
        action={<Button onClick={clearFilter}>{t('resourceList.filter.clear')}</Button>}
      />
    );
  }

  const { filteredItems } = view;
  const exportRows = csv && (() => downloadRowsCsv(csv, filteredItems, translate));

  return (
    <SpaceBetween size="m">
      {source.isError && (
        <ApiErrorAlert
          error={source.error}
          header={
            loaded
              ? t('resourceList.refreshFailed', { time: formatTime(source.dataUpdatedAt, locale) })
              : label(labels.loadFailed)
          }
          action={<Button onClick={() => void onRefresh()}>{t('common.retry')}</Button>}
        />
      )}
      <Table
        items={view.pageItems}
        trackBy={trackBy}
        columnDefinitions={columns}
        selectionType="multi"
        selectedItems={selection.selectedItems}
        onSelectionChange={({ detail }) => selection.setSelectedItems(detail.selectedItems)}
        sortingColumn={view.sortingColumn}
        sortingDescending={view.sortingDescending}
        onSortingChange={({ detail }) =>
          setSorting(
            columns.find((column) => column.id === (detail.sortingColumn as { id?: string }).id)?.id,
            detail.isDescending ?? false,
          )
        }
        empty={empty}
        columnDisplay={preferences.contentDisplay}
        wrapLines={preferences.wrapLines}
        stripedRows={preferences.stripedRows}
        variant="full-page"
        stickyHeader
        resizableColumns
        enableKeyboardNavigation
        loading={!loaded && !source.isError}
        loadingText={label(labels.loading)}
        ariaLabels={{
          selectionGroupLabel: label(labels.selectionGroup),
          allItemsSelectionLabel: () => label(labels.selectAll),
          itemSelectionLabel: (_selection, item) =>
            translate(labels.selectItem, { ...labelValues, name: itemLabel(item) }),
          tableLabel: label(labels.title),
        }}
        header={
          <ResourceListHeader
            title={label(labels.title)}
            refreshLabel={label(labels.refresh)}
            totalCount={items?.length}
            selectedCount={selection.selectedItems.length}
            notShownCount={selection.notShownIds.size}
            updatedAt={source.dataUpdatedAt}
            stale={loaded && source.isError}
            summary={loaded && renderSummary?.(items)}
            actions={renderActions?.(selection)}
            onRefresh={onRefresh}
            onExport={exportRows && (filteredItems.length > 0 ? exportRows : null)}
          />
        }
        filter={
          <ResourceListFilter
            query={view.query}
            onChange={setQuery}
            properties={filtering.properties}
            options={filtering.options}
            customGroupsText={filtering.customGroupsText}
            ariaLabel={label(labels.filterAriaLabel)}
            placeholder={label(labels.filterPlaceholder)}
            matchesCount={loaded && view.query.tokens.length > 0 ? filteredItems.length : undefined}
          />
        }
        pagination={
          <Pagination
            currentPageIndex={view.page}
            pagesCount={loaded ? view.pagesCount : Math.max(view.page, 1)}
            disabled={!loaded}
            onChange={({ detail }) => setPage(detail.currentPageIndex)}
          />
        }
        preferences={
          <ListPreferences
            preferences={shownPreferences}
            model={storedPreferences.model}
            columns={columns}
            pageSizeLabel={(count) => translate(labels.pageSizeOption, { ...labelValues, count })}
            onChange={confirmPreferences}
          />
        }
      />
    </SpaceBetween>
  );
}
