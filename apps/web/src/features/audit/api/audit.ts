import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { AuditAnswer } from '@ecs-console/contract';

/** The newest `limit` entries, newest first, and how many lines of the log could not be read. */
export function getAuditLog(limit: number, signal?: AbortSignal): Promise<AuditAnswer> {
  return apiFetch<AuditAnswer>(`/api/audit?limit=${limit}`, { signal });
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
