import { useCallback, useMemo } from 'react';
import { useReplacedSearch } from './replaced-search';
import { listSearch, parseListUrlState, type ListUrlState } from './url-state';

/** The list view kept in the address (see url-state.ts), and a function to change part of it (see useReplacedSearch). */
export function useListUrlState(): [ListUrlState, (patch: Partial<ListUrlState>) => void] {
  const { search, replaceSearch } = useReplacedSearch();
  // Parsed once per address: the same query object until the address changes keeps filtering memoised.
  const state = useMemo(() => parseListUrlState(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (patch: Partial<ListUrlState>) =>
      replaceSearch((current) => listSearch(current, { ...parseListUrlState(current), ...patch })),
    [replaceSearch],
  );
  return [state, update];
}
