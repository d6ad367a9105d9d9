import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { listSearch, parseListUrlState, type ListUrlState } from './url-state';

/** Changes written to the address that the router has not rendered yet. */
interface PendingSearch {
  /** The last one written. */
  readonly next: string;
  /** The addresses the router may still show on its way to `next`: anything else means it moved on (Back). */
  readonly before: readonly string[];
}

/**
 * The list view kept in the address (see url-state.ts), and a function to change part of it.
 *
 * Changes replace the current history entry instead of pushing one: as in the AWS consoles, Back
 * leaves the list for the page before it rather than stepping back through every filter token,
 * sort and page the user tried, while the entry still holds the latest view, so Back from an
 * instance, a reload or a copied link lands on exactly that view.
 */
export function useListUrlState(): [ListUrlState, (patch: Partial<ListUrlState>) => void] {
  const { search: routerSearch, pathname } = useLocation();
  const navigate = useNavigate();

  // The data router renders a navigation a moment later (in a transition). Until it does, the list
  // shows the change at once, and a second change (clearing the filter, then typing a new one) builds
  // on the first instead of on the address the last render saw.
  const [pending, setPending] = useState<PendingSearch>();
  const caughtUp = pending && (routerSearch === pending.next || !pending.before.includes(routerSearch));
  if (caughtUp) setPending(undefined);
  const search = pending && !caughtUp ? pending.next : routerSearch;
  const latestSearch = useRef(search);
  useLayoutEffect(() => {
    latestSearch.current = search;
  }, [search]);

  // Parsed once per address: the same query object until the address changes keeps filtering memoised.
  const state = useMemo(() => parseListUrlState(new URLSearchParams(search)), [search]);

  const update = useCallback(
    (patch: Partial<ListUrlState>) => {
      const current = new URLSearchParams(latestSearch.current);
      const next = listSearch(current, { ...parseListUrlState(current), ...patch });
      if (next === latestSearch.current) return;
      latestSearch.current = next;
      setPending((previous) => ({
        next,
        before: previous ? [...previous.before, previous.next] : [routerSearch],
      }));
      void navigate({ pathname, search: next }, { replace: true, preventScrollReset: true });
    },
    [navigate, pathname, routerSearch],
  );
  return [state, update];
}
