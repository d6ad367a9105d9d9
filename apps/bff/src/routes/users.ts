import { Router, type Request, type Response } from 'express';
import { ROLES, type ConsoleUser, type UsersAnswer } from '@ecs-console/contract';
import { z } from 'zod';
import { passwordWeakness } from '../auth/password-policy.js';
import { requireRole } from '../auth/require-role.js';
import { signedInUser } from '../auth/session.js';
import { PASSWORD, USERNAME, UserError, type UserChangeAudit, type UserStore } from '../auth/users.js';
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

/** Who makes a change from this request, for the audit entry the change writes in its own transaction. */
export function changedBy(request: Request, response: Response, action?: string): UserChangeAudit {
  const user = signedInUser(response);
  return { user: user.username, role: user.role, sourceIp: request.ip, ...(action ? { action } : {}) };
}

/**
 * Admin-only user management. Each change and its audit entry are one transaction: both are
 * stored or neither (a database that does not answer is 503 StorageUnavailable, nothing changed).
 */
export function userRoutes({ users }: { users: UserStore }): Router {
  const router = Router();
  // Checked per route, so paths this router does not serve fall through to the API's 404.
  const adminOnly = requireRole('admin');

  const handleUserError = (response: Response, error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    sendError(response, USER_ERROR_STATUS[error.code], error.code, error.message);
  };

  router.get('/users', adminOnly, async (_request, response) => {
    response.json({ users: await users.list() } satisfies UsersAnswer);
  });

  router.post('/users', adminOnly, async (request, response) => {
    const body = parseBody(NewUser, request.body, response);
    if (!body || refuseWeak(response, body.password, body.username)) return;
    let user: ConsoleUser;
    try {
      user = await users.create(body.username, body.password, body.role, changedBy(request, response));
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    response.status(201).json(user);
  });

  router.patch('/users/:username', adminOnly, async (request, response) => {
    const username = (request.params as { username: string }).username;
    const body = parseBody(UserChanges, request.body, response);
    if (!body || refuseWeak(response, body.password, username)) return;
    let user: ConsoleUser;
    try {
      user = await users.update(username, body, changedBy(request, response));
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    response.status(200).json(user);
  });

  router.delete('/users/:username', adminOnly, async (request, response) => {
    const username = (request.params as { username: string }).username;
    try {
      await users.remove(username, changedBy(request, response));
    } catch (error) {
      handleUserError(response, error);
      return;
    }
    response.status(204).end();
  });

  return router;
}
