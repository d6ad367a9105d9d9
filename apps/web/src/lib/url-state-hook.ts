import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { listSearch, parseListUrlState, type ListUrlState } from './url-state';

/**
 * The list view kept in the address (see url-state.ts), and a function to change part of it.
 *
 * Changes replace the current history entry instead of pushing one: as in the AWS consoles, Back
 * leaves the list for the page before it rather than stepping back through every filter token,
 * sort and page the user tried, while the entry still holds the latest view, so Back from an
 * instance, a reload or a copied link lands on exactly that view.
 */
export function useListUrlState(): [ListUrlState, (patch: Partial<ListUrlState>) => void] {
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  // Parsed once per address: the same query object until the address changes keeps filtering memoised.
  const state = useMemo(() => parseListUrlState(new URLSearchParams(search)), [search]);

  // Two changes in a row (a filter, then a sort before the page re-rendered) must both land: each
  // builds on the address the previous one wrote, not on the one this render saw.
  const latestSearch = useRef(search);
  useLayoutEffect(() => {
    latestSearch.current = search;
  }, [search]);

  const update = useCallback(
    (patch: Partial<ListUrlState>) => {
      const current = new URLSearchParams(latestSearch.current);
      const next = listSearch(current, { ...parseListUrlState(current), ...patch });
      if (next === latestSearch.current) return;
      latestSearch.current = next;
      void navigate({ pathname, search: next }, { replace: true, preventScrollReset: true });
    },
    [navigate, pathname],
  );
  return [state, update];
}
