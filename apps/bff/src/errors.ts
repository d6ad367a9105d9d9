import type { Response } from 'express';
import { isEcsError, type EcsError } from '@ecs-console/ecs-client';
import type { ApiErrorBody, BffErrorCode } from '@ecs-console/contract';

export function requestIdOf(response: Response): string | null {
  const id = (response.req as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** The one error body the browser sees. `code` is the BFF's own or, passed through, ECS's. */
export function sendError(
  response: Response,
  status: number,
  code: BffErrorCode | (string & Record<never, never>),
  message: string,
  requestId?: string,
): void {
  const body: ApiErrorBody = { code, message, requestId: requestId ?? requestIdOf(response) };
  response.status(status).json(body);
}

/**
 * ECS's own errors pass through with ECS's status, code, message and RequestId. Failures to reach
 * ECS become 502 (504 for timeouts) with a message that says so; a request the client refused to
 * send (a parameter it cannot encode) is the caller's 400, not ECS's fault.
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
    case 'request':
      sendError(response, 400, 'InvalidParameter', error.message);
      return;
    default:
      sendError(response, 502, 'EcsUnreachable', `ECS could not be reached: ${error.message}`, error.requestId);
  }
}

/**
 * A write that reached ECS (or may have) but whose answer was lost: a timeout or a dropped
 * connection after the request was sent. ECS may have carried it out.
 */
export function isOutcomeUnknown(error: EcsError): boolean {
  return error.kind !== 'service' && error.maybeExecuted;
}

export function sendOutcomeUnknown(
  response: Response,
  error: EcsError,
  action: string,
  resourceIds: readonly string[],
): void {
  const resources = resourceIds.length > 0 ? ` on ${resourceIds.join(', ')}` : '';
  sendError(
    response,
    504,
    'OutcomeUnknown',
    `${action}${resources} was sent to ECS but its answer was lost (${error.message}): it may have been applied. ` +
      'Check the resource before trying again.',
  );
}

export function isEcsFailure(error: unknown): error is EcsError {
  return isEcsError(error);
}
