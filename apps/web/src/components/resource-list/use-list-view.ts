import type { PropertyFilterQuery } from '@cloudscape-design/collection-hooks';
import { useCallback, useEffect, useMemo } from 'react';
import type { ListUrlState } from '@/lib/url-state';
import { useListUrlState } from '@/lib/url-state-hook';
import type { ResourceListColumn } from './types';

export interface ListViewOptions<T> {
  readonly items: readonly T[] | undefined;
  readonly columns: readonly ResourceListColumn<T>[];
  readonly match: (item: T, query: PropertyFilterQuery) => boolean;
  readonly filterItems?: (items: readonly T[], query: PropertyFilterQuery) => readonly T[];
  /** The stored page size, used when the address names none (or one not offered). */
  readonly defaultPageSize: number;
  /** The page sizes offered; a size in the address that is not one of them is ignored. */
  readonly pageSizes: readonly number[];
}

export interface ListView<T> {
  readonly query: PropertyFilterQuery;
  /** Stable per filter: changes only when the tokens or the operation do. */
  readonly queryKey: string;
  readonly sortingColumn: ResourceListColumn<T> | undefined;
  readonly sortingDescending: boolean;
  /** The rows the filter lets through, in the table's order. */
  readonly filteredItems: readonly T[];
  readonly pageItems: readonly T[];
  /** 1-based, within the pages there are once data loaded. */
  readonly page: number;
  readonly pagesCount: number;
  readonly pageSize: number;
  readonly setQuery: (query: PropertyFilterQuery) => void;
  readonly setSorting: (columnId: string | undefined, descending: boolean) => void;
  readonly setPage: (page: number) => void;
  /** After the stored page size changed: the address's size (if any) gives way to it. */
  readonly resetPageSize: () => void;
}

const NO_ITEMS: readonly never[] = [];

/**
 * Filter, sort and page of a list, read from the address and written back to it. Each step is
 * memoised on its own inputs, so a page change does not filter again and a filter change does not
 * run for the page or sort alone: 10,000 rows are filtered once per query, not per render.
 */
export function useListView<T>({
  items,
  columns,
  match,
  filterItems,
  defaultPageSize,
  pageSizes,
}: ListViewOptions<T>): ListView<T> {
  const [url, setUrl] = useListUrlState();

  // The address is parsed again whenever any part of it changes; the filter's key keeps the query
  // object (and everything computed from it) the same until the filter itself changes.
  const queryKey = useMemo(() => JSON.stringify(url.query), [url.query]);
  const query = useMemo(() => JSON.parse(queryKey) as PropertyFilterQuery, [queryKey]);

  // A column the list does not have (or cannot sort by) is ignored: the rows keep their order.
  const sortingColumn = columns.find(
    (column) => column.id === url.sortColumn && (column.sortingComparator || column.sortingField),
  );
  const sortingDescending = sortingColumn ? url.sortDescending : false;
  const urlPageSize = url.pageSize !== undefined && pageSizes.includes(url.pageSize) ? url.pageSize : undefined;
  const pageSize = urlPageSize ?? defaultPageSize;

  const loadedItems = items ?? NO_ITEMS;
  const matching = useMemo(() => {
    if (query.tokens.length === 0) return loadedItems;
    return filterItems ? filterItems(loadedItems, query) : loadedItems.filter((item) => match(item, query));
  }, [loadedItems, filterItems, match, query]);
  const filteredItems = useMemo(() => {
    const comparator = sortingColumn?.sortingComparator;
    if (!comparator) return matching;
    const direction = sortingDescending ? -1 : 1;
    return [...matching].sort((a, b) => direction * comparator(a, b));
  }, [matching, sortingColumn, sortingDescending]);

  const pagesCount = Math.max(1, Math.ceil(filteredItems.length / pageSize));
  // Until data loaded, the address's page stands; then a page past the end is the last page.
  const page = items === undefined ? url.page : Math.min(url.page, pagesCount);
  const pageItems = useMemo(
    () => filteredItems.slice((page - 1) * pageSize, page * pageSize),
    [filteredItems, page, pageSize],
  );

  const clamped = items !== undefined && url.page !== page;
  useEffect(() => {
    if (clamped) setUrl({ page });
  }, [clamped, page, setUrl]);

  const setQuery = useCallback((next: PropertyFilterQuery) => setUrl({ query: next, page: 1 }), [setUrl]);
  const setSorting = useCallback(
    (columnId: string | undefined, descending: boolean) =>
      setUrl({ sortColumn: columnId, sortDescending: descending, page: 1 }),
    [setUrl],
  );
  // A page number means nothing without its size: past page 1, the size goes into the address too.
  const setPage = useCallback(
    (next: number) => setUrl({ page: next, pageSize: next > 1 ? pageSize : urlPageSize }),
    [setUrl, pageSize, urlPageSize],
  );
  const resetPageSize = useCallback(
    () => setUrl({ page: 1, pageSize: undefined } satisfies Partial<ListUrlState>),
    [setUrl],
  );

  return {
    query,
    queryKey,
    sortingColumn,
    sortingDescending,
    filteredItems,
    pageItems,
    page,
    pagesCount,
    pageSize,
    setQuery,
    setSorting,
    setPage,
    resetPageSize,
  };
}
