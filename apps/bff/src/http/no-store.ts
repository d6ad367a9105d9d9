import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer is per user and changes from one moment to the next (sessions, users, the audit
 * log, instance lists, VNC addresses, errors): no browser or proxy may keep a copy. Set first, so
 * answers from every later layer (404, 401, 413, 429, errors, images) carry it.
 */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
