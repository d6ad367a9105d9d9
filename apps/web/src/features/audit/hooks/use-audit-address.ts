import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AUDIT_URL_PARAMS, auditSearch, parseAuditView, searchWithEntry, type AuditView } from '../logic/audit-query';

export interface AuditAddress {
  readonly view: AuditView;
  /** The entry whose detail is open (`?entry=`). */
  readonly entryId: string | undefined;
  readonly setView: (view: AuditView) => void;
  readonly setEntryId: (entryId: string | undefined) => void;
  /** The address of the page with `entryId`'s detail open, for links that open it. */
  readonly entryHref: (entryId: string) => string;
}

/**
 * The filters and the open entry, kept in the address. As on the resource lists, changes replace
 * the history entry: Back leaves the page instead of stepping through every filter tried.
 */
export function useAuditAddress(): AuditAddress {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  // Parsed once per address: the same object keeps the queries' keys and memos stable.
  const view = useMemo(() => parseAuditView(params), [params]);
  const entryId = params.get(AUDIT_URL_PARAMS.entry) || undefined;

  const go = useCallback(
    (next: string) => {
      if (next !== search) void navigate({ pathname, search: next }, { replace: true, preventScrollReset: true });
    },
    [navigate, pathname, search],
  );
  const setView = useCallback((next: AuditView) => go(auditSearch(params, next)), [go, params]);
  const setEntryId = useCallback((next: string | undefined) => go(searchWithEntry(params, next)), [go, params]);
  const entryHref = useCallback((id: string) => `${pathname}${searchWithEntry(params, id)}`, [params, pathname]);
  return { view, entryId, setView, setEntryId, entryHref };
}
