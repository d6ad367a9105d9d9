import type { NextFunction, Request, Response } from 'express';
import { hasRole, type Role } from '@ecs-console/contract';
import { sendError } from '../errors.js';
import { signedInUser } from './session.js';

/** Middleware after the session check: `403 Forbidden` unless the user has at least `role`. */
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
