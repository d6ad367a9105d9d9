import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import { hasRole, ROLES, type Role } from '../auth/roles.js';
import { signedInUser } from '../auth/session.js';
import { PASSWORD, USERNAME, UserError, type UserStore } from '../auth/users.js';
import { sendError } from '../errors.js';
import { parseBody } from '../validation.js';

export function requireRole(role: Role) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    const user = signedInUser(response);
    if (!hasRole(user.role, role)) {
      sendError(response, 403, 'Forbidden', `This needs the ${role} role; you are ${user.role}.`);
      return;
    }
    next();
  };
}

const AuditQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
const NewUser = z.strictObject({ username: USERNAME, password: PASSWORD, role: z.enum(ROLES) });
const UserChanges = z
  .strictObject({ role: z.enum(ROLES).optional(), password: PASSWORD.optional() })
  .refine((changes) => changes.role !== undefined || changes.password !== undefined, 'give a role or a password');

const USER_ERROR_STATUS = { UserExists: 409, UserNotFound: 404, LastAdmin: 409 } as const;

/** Admin-only: the audit log and user management. */
export function adminRoutes({ audit, users }: { audit: AuditLog; users: UserStore }): Router {
  const router = Router();
  // Checked per route, so paths this router does not serve fall through to the API's 404.
  const adminOnly = requireRole('admin');

  router.get('/audit', adminOnly, async (request, response) => {
    const query = parseBody(AuditQuery, request.query, response);
    if (!query) return;
    response.json({ entries: await audit.recent(query.limit) });
  });

  router.get('/users', adminOnly, (_request, response) => {
    response.json({ users: users.list() });
  });

  const recordUserChange = (request: Request, response: Response, target: string, change: string) =>
    audit.record({
      user: signedInUser(response).username,
      role: 'admin',
      event: 'user',
      action: change,
      resourceIds: [target],
      params: {},
      outcome: 'success',
      sourceIp: request.ip,
    });

  const handleUserError = (response: Response, error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    sendError(response, USER_ERROR_STATUS[error.code], error.code, error.message);
  };

  router.post('/users', adminOnly, async (request, response) => {
    const body = parseBody(NewUser, request.body, response);
    if (!body) return;
    try {
      const user = await users.create(body.username, body.password, body.role);
      await recordUserChange(request, response, body.username, `CreateUser(${body.role})`);
      response.status(201).json(user);
    } catch (error) {
      handleUserError(response, error);
    }
  });

  router.patch('/users/:username', adminOnly, async (request, response) => {
    const body = parseBody(UserChanges, request.body, response);
    if (!body) return;
    try {
      const user = await users.update((request.params as { username: string }).username, body);
      await recordUserChange(
        request,
        response,
        user.username,
        body.role ? `ChangeRole(${body.role})` : 'ChangePassword',
      );
      response.json(user);
    } catch (error) {
      handleUserError(response, error);
    }
  });

  router.delete('/users/:username', adminOnly, async (request, response) => {
    try {
      await users.remove((request.params as { username: string }).username);
      await recordUserChange(request, response, (request.params as { username: string }).username, 'DeleteUser');
      response.status(204).end();
    } catch (error) {
      handleUserError(response, error);
    }
  });

  return router;
}
