import { useState } from 'react';
import { useAuditPage } from '../api/audit';
import { auditViewKey, type AuditView } from '../logic/audit-query';
import { FIRST_PAGE, pageLoaded, type KeysetPages } from '../logic/keyset-pages';

interface PagingState {
  /** The view and page size the pages belong to. */
  readonly key: string;
  readonly pages: KeysetPages;
  /** 1-based. */
  readonly page: number;
}

/**
 * Keyset paging through the audit log. The page number and the cursors found so far stay in memory,
 * not in the address: a page past the first can only be reached through the pages before it (its
 * cursor comes from them), so an address could not restore it without refetching each one. A new
 * filter or page size starts again at page 1; pages already seen come back from the query cache.
 */
export function useAuditPaging(view: AuditView, pageSize: number) {
  const key = `${auditViewKey(view)}|${pageSize}`;
  const [state, setState] = useState<PagingState>({ key, pages: FIRST_PAGE, page: 1 });
  let current = state;
  if (state.key !== key) {
    current = { key, pages: FIRST_PAGE, page: 1 };
    setState(current);
  }
  const cursor = current.pages.cursors[current.page - 1];
  const query = useAuditPage(view, pageSize, cursor);

  // Each answer of the page shown tells whether there is a next page, and its cursor.
  const answer = query.isPlaceholderData ? undefined : query.data;
  if (answer) {
    const pages = pageLoaded(current.pages, current.page, answer.entries.length, answer.nextCursor);
    if (pages !== current.pages) {
      current = { ...current, pages };
      setState(current);
    }
  }

  const goToPage = (page: number) => {
    // Only pages whose cursor is known: the one after the last loaded page appears once it loads.
    if (page >= 1 && page <= current.pages.cursors.length) setState({ ...current, page });
  };
  return { query, pages: current.pages, page: current.page, goToPage };
}
