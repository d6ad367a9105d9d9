import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { Sessions } from '../auth/session.js';
import type { UserStore } from '../auth/users.js';
import { sendError } from '../errors.js';
import { parseBody } from '../validation.js';

const LoginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export interface SessionRouteDeps {
  readonly users: UserStore;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly backend: { readonly kind: string; readonly defaultRegion: string };
}

/** `GET /api/session`, `POST /api/session` (log in, rate-limited), `DELETE /api/session` (log out). */
export function sessionRoutes({ users, sessions, audit, backend }: SessionRouteDeps): Router {
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only failures count, so a user who logs in and out often is never locked out.
    skipSuccessfulRequests: true,
    handler: (_request, response) =>
      sendError(response, 429, 'TooManyLoginAttempts', 'Too many failed sign-in attempts; try again in 15 minutes.'),
  });

  router.get('/', async (request, response) => {
    const user = await sessions.current(request, response);
    if (!user) {
      sendError(response, 401, 'Unauthenticated', 'Sign in to continue.');
      return;
    }
    response.json({
      user: { username: user.username, role: user.role },
      expiresAt: new Date(user.expiresAt).toISOString(),
      backend,
    });
  });

  router.post('/', loginLimiter, async (request, response) => {
    const body = parseBody(LoginBody, request.body, response);
    if (!body) return;
    const user = await users.authenticate(body.username, body.password);
    await audit.record({
      user: body.username,
      role: user?.role,
      event: 'login',
      resourceIds: [],
      params: {},
      outcome: user ? 'success' : 'failure',
      code: user ? undefined : 'InvalidCredentials',
      sourceIp: request.ip,
    });
    if (!user) {
      sendError(response, 401, 'InvalidCredentials', 'The username or password is not right.');
      return;
    }
    await sessions.signIn(request, response, user.username);
    const current = await sessions.current(request, response);
    response.json({
      user: { username: user.username, role: user.role },
      expiresAt: current ? new Date(current.expiresAt).toISOString() : undefined,
      backend,
    });
  });

  router.delete('/', async (request, response) => {
    const user = await sessions.current(request, response);
    await sessions.signOut(request, response);
    if (user) {
      await audit.record({
        user: user.username,
        role: user.role,
        event: 'logout',
        resourceIds: [],
        params: {},
        outcome: 'success',
        sourceIp: request.ip,
      });
    }
    response.status(204).end();
  });

  return router;
}
