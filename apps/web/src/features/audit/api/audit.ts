import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import type { AuditAnswer, StoredAuditEntry, UsersAnswer } from '@ecs-console/contract';
import { auditEntryPath, auditListPath, auditViewKey, resolveAuditFilter, type AuditView } from '../logic/audit-query';

/** One page of entries, newest first; `cursor` is the previous page's `nextCursor`. */
export function getAuditPage(
  view: AuditView,
  limit: number,
  cursor: string | undefined,
  options: RequestOptions = {},
): Promise<AuditAnswer> {
  // A relative range ("last 24 hours") is resolved when the page is fetched, so Refresh moves it on.
  const filter = resolveAuditFilter(view, Date.now());
  return apiFetch<AuditAnswer>(auditListPath(filter, { limit, ...(cursor ? { cursor } : {}) }), options);
}

export const AUDIT_QUERY_KEY = ['audit'] as const;

export const auditPageQueryKey = (view: AuditView, limit: number, cursor: string | undefined) =>
  [...AUDIT_QUERY_KEY, 'page', auditViewKey(view), limit, cursor ?? null] as const;

export function useAuditPage(view: AuditView, limit: number, cursor: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: auditPageQueryKey(view, limit, cursor),
      // A re-read on window focus is a background request; Refresh and Retry are the user's.
      queryFn: (context) => getAuditPage(view, limit, cursor, queryRequestOptions(context)),
      // The page shown stays while the next one loads (the table says it is loading).
      placeholderData: keepPreviousData,
    }),
  );
}

export const auditEntryQueryKey = (id: string) => [...AUDIT_QUERY_KEY, 'entry', id] as const;

/** One entry by its ID, for a link to an entry that is not on the loaded page. */
export function useAuditEntry(id: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: auditEntryQueryKey(id ?? ''),
      queryFn: (context) => apiFetch<StoredAuditEntry>(auditEntryPath(id ?? ''), queryRequestOptions(context)),
      enabled: id !== undefined,
      // Entries never change.
      staleTime: Infinity,
    }),
  );
}

/** The console's user names, suggested in the user filter (admins only see this page). */
export function useAuditUserNames() {
  return useQuery(
    queryOptions({
      queryKey: [...AUDIT_QUERY_KEY, 'users'],
      queryFn: (context) => apiFetch<UsersAnswer>('/api/users', queryRequestOptions(context)),
      select: (answer) => answer.users.map((user) => user.username),
    }),
  );
}
