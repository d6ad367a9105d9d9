import type { Request, Response } from 'express';
import type { AuditEntry, Role } from '@ecs-console/contract';
import type { SignedInUser } from '../auth/session.js';
import type { AuditStore } from './audit-store.js';

/** What a route says about an event; who did it and from where come from the request. */
export type AuditFields = Omit<AuditEntry, 'time' | 'user' | 'role' | 'sourceIp'>;

export interface AuditRecorder {
  /**
   * Stores the entry. False when it could not be stored: the failure is in the log at error level,
   * and the route still answers (with a warning when the change was applied).
   */
  record(fields: AuditFields): Promise<boolean>;
}

/**
 * The audit recorder for one request: the signed-in user and role (or `actor`, for sign-ins) and
 * the client's address (Express's `request.ip`, which honours `trust proxy`). Routes pass
 * parameters already redacted (`redactParams`): nothing secret reaches the store or the log.
 */
export function auditFrom(
  audit: Pick<AuditStore, 'record'>,
  request: Request,
  response: Response,
  actor?: { readonly user: string; readonly role?: Role | undefined },
): AuditRecorder {
  const signedIn = response.locals.user as SignedInUser | undefined;
  const who = actor ?? (signedIn ? { user: signedIn.username, role: signedIn.role } : undefined);
  if (!who) throw new Error('auditFrom needs a signed-in user or an actor');
  return {
    async record(fields) {
      const entry = { ...fields, user: who.user, role: who.role, sourceIp: request.ip };
      try {
        await audit.record(entry);
        return true;
      } catch (error) {
        // Who and what, so the entry can be rebuilt from the log; params stay out (they are in the request).
        request.log.error(
          {
            audit: { ...entry, params: undefined },
            reason: error instanceof Error ? error.message : String(error),
          },
          'audit entry could not be stored',
        );
        return false;
      }
    },
  };
}
