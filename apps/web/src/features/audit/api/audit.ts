import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { Role } from '@/lib/roles';

/** One line of the BFF's audit log. */
export interface AuditEntry {
  readonly time: string;
  readonly user: string;
  /** Absent for failed sign-ins: no user was established. */
  readonly role?: Role;
  readonly event: 'login' | 'logout' | 'action' | 'user';
  readonly action?: string;
  readonly regionId?: string;
  readonly resourceIds: readonly string[];
  readonly params: Record<string, unknown>;
  readonly outcome: 'success' | 'failure';
  readonly code?: string;
  readonly requestId?: string;
}

/** The newest `limit` entries, newest first. */
export async function getAuditLog(limit: number, signal?: AbortSignal): Promise<readonly AuditEntry[]> {
  const { entries } = await apiFetch<{ entries: readonly AuditEntry[] }>(`/api/audit?limit=${limit}`, { signal });
  return entries;
}

export function auditLogQueryOptions(limit: number) {
  return queryOptions({
    queryKey: ['audit', limit],
    queryFn: ({ signal }) => getAuditLog(limit, signal),
  });
}

export function useAuditLog(limit: number) {
  return useQuery(auditLogQueryOptions(limit));
}
