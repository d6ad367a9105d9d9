import { Router, type Response } from 'express';
import { ROLES, type ConsoleUser, type UsersAnswer } from '@ecs-console/contract';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { auditFrom } from '../audit/recorder.js';
import { sendCarriedOut } from '../audit/warning.js';
import { passwordWeakness } from '../auth/password-policy.js';
import { requireRole } from '../auth/require-role.js';
import { PASSWORD, USERNAME, UserError, type UserStore } from '../auth/users.js';
import { sendError } from '../errors.js';
import { parseBody } from '../validation.js';

const NewUser = z.strictObject({ username: USERNAME, password: PASSWORD, role: z.enum(ROLES) });
const UserChanges = z
  .strictObject({ role: z.enum(ROLES).optional(), password: PASSWORD.optional() })
  .refine((changes) => changes.role !== undefined || changes.password !== undefined, 'give a role or a password');

const USER_ERROR_STATUS = { UserExists: 409, UserNotFound: 404, LastAdmin: 409 } as const;

/** `400 WeakPassword` and true when the new password is refused. */
function refuseWeak(response: Response, password: string | undefined, username: string): boolean {
  const weakness = password === undefined ? undefined : passwordWeakness(password, [username]);
  if (weakness) sendError(response, 400, 'WeakPassword', weakness);
  return weakness !== undefined;
}

/** Admin-only user management. Every applied change is audited (or answered with a warning). */
export function userRoutes({ audit: auditLog, users }: { audit: AuditLog; users: UserStore }): Router {
  const router = Router();
  // Checked per route, so paths this router does not serve fall through to the API's 404.
  const adminOnly = requireRole('admin');

  const handleUserError = (response: Response, error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    sendError(response, USER_ERROR_STATUS[error.code], error.code, error.message);
  };
  const changed = (target: string, action: string) =>
    ({ event: 'user', action, resourceIds: [target], params: {}, outcome: 'success' }) as const;

  router.get('/users', adminOnly, (_request, response) => {
    response.json({ users: users.list() } satisfies UsersAnswer);
  });

  router.post('/users', adminOnly, async (request, response) => {
    const body = parseBody(NewUser, request.body, response);
    if (!body || refuseWeak(response, body.password, body.username)) return;
    let user: ConsoleUser;
    try {
      user = await users.create(body.username, body.password, body.role);
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    const audited = await auditFrom(auditLog, request, response).record(
      changed(body.username, `CreateUser(${body.role})`),
    );
    sendCarriedOut(response, 201, user, audited);
  });

  router.patch('/users/:username', adminOnly, async (request, response) => {
    const username = (request.params as { username: string }).username;
    const body = parseBody(UserChanges, request.body, response);
    if (!body || refuseWeak(response, body.password, username)) return;
    let user: ConsoleUser;
    try {
      user = await users.update(username, body);
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    const action = [body.role && `ChangeRole(${body.role})`, body.password && 'ChangePassword']
      .filter(Boolean)
      .join('+');
    const audited = await auditFrom(auditLog, request, response).record(changed(user.username, action));
    sendCarriedOut(response, 200, user, audited);
  });

  router.delete('/users/:username', adminOnly, async (request, response) => {
    const username = (request.params as { username: string }).username;
    try {
      await users.remove(username);
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    const audited = await auditFrom(auditLog, request, response).record(changed(username, 'DeleteUser'));
    sendCarriedOut(response, 204, undefined, audited);
  });

  return router;
}
