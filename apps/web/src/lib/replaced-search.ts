import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Changes written to the address that the router has not rendered yet. */
interface PendingSearch {
  /** The last one written. */
  readonly next: string;
  /** The addresses the router may still show on its way to `next`: anything else means it moved on (Back). */
  readonly before: readonly string[];
}

export interface ReplacedSearch {
  /** The address's query (`?…` or ''), including changes the router has not rendered yet. */
  readonly search: string;
  readonly pathname: string;
  /** Replaces the current history entry's query with what `build` makes of the latest one. */
  readonly replaceSearch: (build: (current: URLSearchParams) => string) => void;
}

/**
 * The page's view kept in the address, changed in place. Changes replace the current history entry
 * instead of pushing one: as in the AWS consoles, Back leaves the page rather than stepping back
 * through every filter, sort and page tried, while the entry still holds the latest view, so a
 * reload or a copied link lands on exactly that view.
 *
 * The data router renders a navigation a moment later (in a transition). Until it does, the page
 * shows the change at once, and a second change (clearing the filter, then typing a new one) builds
 * on the first instead of on the address the last render saw.
 */
export function useReplacedSearch(): ReplacedSearch {
  const { search: routerSearch, pathname } = useLocation();
  const navigate = useNavigate();

  const [pending, setPending] = useState<PendingSearch>();
  const caughtUp = pending && (routerSearch === pending.next || !pending.before.includes(routerSearch));
  if (caughtUp) setPending(undefined);
  const search = pending && !caughtUp ? pending.next : routerSearch;
  const latestSearch = useRef(search);
  useLayoutEffect(() => {
    latestSearch.current = search;
  }, [search]);

  const replaceSearch = useCallback(
    (build: (current: URLSearchParams) => string) => {
      const next = build(new URLSearchParams(latestSearch.current));
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
  return { search, pathname, replaceSearch };
}
