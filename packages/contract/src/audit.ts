import type { Role } from './roles.js';

export type AuditEvent = 'login' | 'logout' | 'action' | 'user';

/** `unknown`: a write was sent to ECS but its answer was lost, so it may or may not have run. */
export type AuditOutcome = 'success' | 'failure' | 'unknown';

/** One line of the audit log. */
export interface AuditEntry {
  /** ISO 8601. */
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
  readonly code?: string;
  /** ECS's RequestId for actions; absent otherwise. */
  readonly requestId?: string;
  readonly sourceIp?: string;
}

/** `GET /api/audit?limit=N`: the newest entries, newest first. */
export interface AuditAnswer {
  readonly entries: readonly AuditEntry[];
  /** Lines of the log that could not be read (damaged or truncated); they are skipped, not fatal. */
  readonly skippedLines: number;
}
