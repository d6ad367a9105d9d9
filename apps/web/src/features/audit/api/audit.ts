import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import type { AuditAnswer } from '@ecs-console/contract';

/** The newest `limit` entries, newest first, and how many lines of the log could not be read. */
export function getAuditLog(limit: number, options: RequestOptions = {}): Promise<AuditAnswer> {
  return apiFetch<AuditAnswer>(`/api/audit?limit=${limit}`, options);
}

export const auditQueryKey = (limit: number) => ['audit', limit] as const;

export function auditLogQueryOptions(limit: number) {
  return queryOptions({
    queryKey: auditQueryKey(limit),
    // A re-read on window focus is a background request; Refresh and Retry are the user's.
    queryFn: (context) => getAuditLog(limit, queryRequestOptions(context)),
  });
}

export function useAuditLog(limit: number) {
  return useQuery(auditLogQueryOptions(limit));
}
