import type { NextFunction, Request, Response } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@ecs-console/contract';
import { sendError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for state-changing requests, on top of the SameSite=Strict
 * cookie: a custom header (which another site cannot add without a CORS preflight the BFF never
 * grants) and, when the browser sends Origin, an Origin equal to the console's own.
 */
export function csrfGuard() {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(request.method)) {
      next();
      return;
    }
    if (request.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      sendError(
        response,
        403,
        'CsrfCheckFailed',
        `State-changing requests need the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
      );
      return;
    }
    const origin = request.get('origin');
    if (origin !== undefined && origin !== `${request.protocol}://${request.get('host') ?? ''}`) {
      sendError(response, 403, 'CsrfCheckFailed', 'The request came from another origin.');
      return;
    }
    next();
  };
}
