import { useCallback, useMemo } from 'react';
import { useReplacedSearch } from '@/lib/replaced-search';
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

/** The filters and the open entry, kept in the address the way the resource lists keep theirs (useReplacedSearch). */
export function useAuditAddress(): AuditAddress {
  const { search, pathname, replaceSearch: go } = useReplacedSearch();

  const params = useMemo(() => new URLSearchParams(search), [search]);
  // Parsed once per address: the same object keeps the queries' keys and memos stable.
  const view = useMemo(() => parseAuditView(params), [params]);
  const entryId = params.get(AUDIT_URL_PARAMS.entry) || undefined;

  const changeView = useCallback(
    (change: (current: AuditView) => AuditView) =>
      go((current) => auditSearch(current, change(parseAuditView(current)))),
    [go],
  );
  const setEntryId = useCallback((next: string | undefined) => go((current) => searchWithEntry(current, next)), [go]);
  const entryHref = useCallback((id: string) => `${pathname}${searchWithEntry(params, id)}`, [params, pathname]);
  return { view, entryId, changeView, setEntryId, entryHref };
}
