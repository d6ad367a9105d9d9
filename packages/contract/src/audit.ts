import type { Role } from './roles.js';

export type AuditEvent = 'login' | 'logout' | 'action' | 'user';
export const AUDIT_EVENTS: readonly AuditEvent[] = ['login', 'logout', 'action', 'user'];

/** `unknown`: a write was sent to ECS but its answer was lost, so it may or may not have run. */
export type AuditOutcome = 'success' | 'failure' | 'unknown';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'unknown'];

/** One entry of the audit log, as a route records it (the time is the store's). */
export interface AuditEntry {
  /** ISO 8601, UTC, to the millisecond. */
  readonly time: string;
  readonly user: string;
  /** Absent for failed sign-ins: no user was established. */
  readonly role?: Role;
  readonly event: AuditEvent;
  readonly action?: string;
  readonly regionId?: string;
  readonly resourceIds: readonly string[];
  /** Parameters with secrets replaced by `[REDACTED]`. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly outcome: AuditOutcome;
  /** The error code of a failure (ECS's, or the console's such as `InvalidCredentials`). */
  readonly code?: string;
  /** The error message of a failure, as ECS or the console gave it. */
  readonly message?: string;
  /** ECS's RequestId for actions; absent otherwise. */
  readonly requestId?: string;
  readonly sourceIp?: string;
}

/** An entry as stored: with the store's id (unique, stable; `GET /api/audit/:id`). */
export interface StoredAuditEntry extends AuditEntry {
  readonly id: string;
}

/**
 * `GET /api/audit` filters (all optional, combined with AND). `action` matches an action exactly,
 * or the name before its parenthesis (`ChangeRole` matches `ChangeRole(admin)`); `from` is
 * inclusive and `to` exclusive (ISO 8601 with a zone).
 */
export interface AuditFilter {
  readonly user?: string;
  readonly action?: string;
  readonly event?: AuditEvent;
  readonly resourceId?: string;
  readonly outcome?: AuditOutcome;
  readonly from?: string;
  readonly to?: string;
}

/** `GET /api/audit?…&limit=N&cursor=C`: one page, newest first. */
export interface AuditAnswer {
  readonly entries: readonly StoredAuditEntry[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  readonly nextCursor?: string;
}

/** Query names `GET /api/audit` and `GET /api/audit/export` take (the filter, plus paging on the former). */
export const AUDIT_QUERY_NAMES = ['user', 'action', 'event', 'resourceId', 'outcome', 'from', 'to'] as const;
export const AUDIT_PAGE_LIMIT = { default: 50, max: 500 } as const;
