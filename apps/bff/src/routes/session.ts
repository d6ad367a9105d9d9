import { Router } from 'express';
import type { BackendKind, SessionAnswer, SessionUser } from '@ecs-console/contract';
import { z } from 'zod';
import type { AuditStore } from '../audit/audit-store.js';
import { auditFrom } from '../audit/recorder.js';
import { sendCarriedOut } from '../audit/warning.js';
import { loginThrottles, passwordChangeThrottle } from '../auth/login-throttle.js';
import { passwordWeakness } from '../auth/password-policy.js';
import { currentSession, type Sessions } from '../auth/session.js';
import { PASSWORD, type UserStore } from '../auth/users.js';
import { sendError } from '../errors.js';
import type { Queryable } from '../storage/database.js';
import { changedBy } from './users.js';
import { parseBody } from '../validation.js';

const LoginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const PasswordChangeBody = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: PASSWORD });

export interface SessionRouteDeps {
  readonly users: UserStore;
  readonly sessions: Sessions;
  readonly audit: AuditStore;
  readonly backend: { readonly kind: BackendKind; readonly defaultRegion: string };
  /** Where the sign-in throttles count (shared by replicas), and the console's clock (epoch ms). */
  readonly db: Queryable;
  readonly now?: (() => number) | undefined;
}

/**
 * `GET /api/session`, `POST /api/session` (sign in, throttled per address and per account),
 * `DELETE /api/session` (sign out: the session is revoked), `PUT /api/session/password`.
 */
export function sessionRoutes({ users, sessions, audit: auditLog, backend, db, now }: SessionRouteDeps): Router {
  const router = Router();
  const throttle = { db, now };
  const answer = (user: SessionUser, expiresAt: number): SessionAnswer => ({
    user: { username: user.username, role: user.role },
    expiresAt: new Date(expiresAt).toISOString(),
    backend,
  });

  router.get('/', sessions.require(), (_request, response) => {
    const session = currentSession(response);
    response.json(answer(session, session.expiresAt));
  });

  router.post('/', ...loginThrottles(throttle), async (request, response) => {
    const body = parseBody(LoginBody, request.body, response);
    if (!body) return;
    const user = await users.authenticate(body.username, body.password);
    // A sign-in whose entry cannot be stored still goes ahead (with a warning and an error in
    // the log): refusing every sign-in while the audit cannot be written would lock the admins out too.
    const audited = await auditFrom(auditLog, request, response, { user: body.username, role: user?.role }).record({
      event: 'login',
      resourceIds: [],
      params: {},
      outcome: user ? 'success' : 'failure',
      code: user ? undefined : 'InvalidCredentials',
      message: user ? undefined : 'The username or password is not right.',
    });
    if (!user) {
      sendError(response, 401, 'InvalidCredentials', 'The username or password is not right.');
      return;
    }
    const { expiresAt } = await sessions.signIn(response, user);
    sendCarriedOut(response, 200, answer(user, expiresAt), audited);
  });

  router.delete('/', async (request, response) => {
    const session = await sessions.current(request, response, { activity: false });
    await sessions.signOut(request, response);
    if (!session) {
      response.status(204).end();
      return;
    }
    const audited = await auditFrom(auditLog, request, response, { user: session.username, role: session.role }).record(
      { event: 'logout', resourceIds: [], params: {}, outcome: 'success' },
    );
    sendCarriedOut(response, 204, undefined, audited);
  });

  router.put('/password', sessions.require(), passwordChangeThrottle(throttle), async (request, response) => {
    const body = parseBody(PasswordChangeBody, request.body, response);
    if (!body) return;
    const session = currentSession(response);
    const weakness = passwordWeakness(body.newPassword, [session.username]);
    if (weakness) {
      sendError(response, 400, 'WeakPassword', weakness);
      return;
    }
    const audit = auditFrom(auditLog, request, response);
    const change = { event: 'user', action: 'ChangeOwnPassword', resourceIds: [session.username], params: {} } as const;
    if (!(await users.verify(session.accountId, body.currentPassword))) {
      await audit.record({
        ...change,
        outcome: 'failure',
        code: 'WrongPassword',
        message: 'The current password is not right.',
      });
      sendError(response, 403, 'WrongPassword', 'The current password is not right.');
      return;
    }
    // The change and its audit entry are one transaction (503 StorageUnavailable and neither when it fails).
    await users.update(session.username, { password: body.newPassword }, changedBy(request, response, change.action));
    // The new session version ends the account's other sessions; this one is re-issued with it.
    await sessions.reissue(request, response);
    response.status(204).end();
  });

  return router;
}
