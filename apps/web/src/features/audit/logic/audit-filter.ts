import type { AuditEntry } from '@ecs-console/contract';

/** Free-text search over every column of an audit entry, ignoring case. */
export function auditEntryMatches(entry: AuditEntry, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    entry.time,
    entry.user,
    entry.role,
    entry.event,
    entry.action,
    entry.regionId,
    ...entry.resourceIds,
    entry.outcome,
    entry.code,
    entry.requestId,
  ];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}
