import type { Response } from 'express';
import { isEcsError, type EcsError } from '@ecs-console/ecs-client';

/** The one error body the browser ever sees. `requestId` is ECS's when ECS answered, else the BFF's own. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId: string | null;
}

export function requestIdOf(response: Response): string | null {
  const id = (response.req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export function sendError(response: Response, status: number, code: string, message: string, requestId?: string): void {
  const body: ApiErrorBody = { code, message, requestId: requestId ?? requestIdOf(response) };
  response.status(status).json(body);
}

/**
 * ECS's own errors pass through with ECS's status, code, message and RequestId. Failures to reach
 * ECS become 502 (504 for timeouts) with a message that says so.
 */
export function sendEcsError(response: Response, error: EcsError): void {
  switch (error.kind) {
    case 'service':
      sendError(response, error.statusCode ?? 502, error.code, error.message, error.requestId);
      return;
    case 'timeout':
      sendError(response, 504, 'EcsTimeout', `ECS did not answer in time (${error.message}).`);
      return;
    case 'credentials':
      sendError(response, 503, 'EcsCredentials', 'The console has no usable ECS credentials; see the server log.');
      return;
    default:
      sendError(response, 502, 'EcsUnreachable', `ECS could not be reached: ${error.message}`, error.requestId);
  }
}

export function isEcsFailure(error: unknown): error is EcsError {
  return isEcsError(error);
}
