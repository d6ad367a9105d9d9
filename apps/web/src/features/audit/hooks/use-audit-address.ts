import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AUDIT_URL_PARAMS, auditSearch, parseAuditView, searchWithEntry, type AuditView } from '../logic/audit-query';

export interface AuditAddress {
  readonly view: AuditView;
  /** The entry whose detail is open (`?entry=`). */
  readonly entryId: string | undefined;
  /** Changes the filters; `change` gets the latest ones, so quick changes build on each other. */
  readonly changeView: (change: (current: AuditView) => AuditView) => void;
  readonly setEntryId: (entryId: string | undefined) => void;
  /** The address of the page with `entryId`'s detail open, for links that open it. */
  readonly entryHref: (entryId: string) => string;
}

/** Changes written to the address that the router has not rendered yet (as in useListUrlState). */
interface PendingSearch {
  readonly next: string;
  /** The addresses the router may still show on its way to `next`: anything else means it moved on (Back). */
  readonly before: readonly string[];
}

/**
 * The filters and the open entry, kept in the address. As on the resource lists, changes replace
 * the history entry: Back leaves the page instead of stepping through every filter tried. The data
 * router renders a navigation a moment later; until it does, the page shows the change at once and a
 * second change (clear the filters, then pick an action) builds on the first.
 */
export function useAuditAddress(): AuditAddress {
  const { pathname, search: routerSearch } = useLocation();
  const navigate = useNavigate();

  const [pending, setPending] = useState<PendingSearch>();
  const caughtUp = pending && (routerSearch === pending.next || !pending.before.includes(routerSearch));
  if (caughtUp) setPending(undefined);
  const search = pending && !caughtUp ? pending.next : routerSearch;
  const latestSearch = useRef(search);
  useLayoutEffect(() => {
    latestSearch.current = search;
  }, [search]);

  const params = useMemo(() => new URLSearchParams(search), [search]);
  // Parsed once per address: the same object keeps the queries' keys and memos stable.
  const view = useMemo(() => parseAuditView(params), [params]);
  const entryId = params.get(AUDIT_URL_PARAMS.entry) || undefined;

  const go = useCallback(
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
  const changeView = useCallback(
    (change: (current: AuditView) => AuditView) =>
      go((current) => auditSearch(current, change(parseAuditView(current)))),
    [go],
  );
  const setEntryId = useCallback((next: string | undefined) => go((current) => searchWithEntry(current, next)), [go]);
  const entryHref = useCallback((id: string) => `${pathname}${searchWithEntry(params, id)}`, [params, pathname]);
  return { view, entryId, changeView, setEntryId, entryHref };
}
