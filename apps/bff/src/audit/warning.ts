import type { Response } from 'express';
import { WARNING_HEADER, type ConsoleWarning } from '@ecs-console/contract';

export const AUDIT_NOT_RECORDED: ConsoleWarning = {
  code: 'AuditNotRecorded',
  message:
    'The request was carried out, but its audit entry could not be stored. The server log has the details; tell an administrator.',
};

/**
 * Answers a request that was carried out. When its audit entry could not be stored, the answer
 * still says what happened (the change is real), plus the `x-console-warning` header and a
 * `consoleWarning` field; a bodiless 204 becomes a 200 carrying only the warning.
 */
export function sendCarriedOut(response: Response, status: number, body: object | undefined, audited: boolean): void {
  if (audited) {
    if (body === undefined) response.status(status).end();
    else response.status(status).json(body);
    return;
  }
  response.setHeader(WARNING_HEADER, AUDIT_NOT_RECORDED.code);
  response
    .status(status === 204 ? 200 : status)
    .json({ ...(body ?? {}), consoleWarning: AUDIT_NOT_RECORDED } satisfies { consoleWarning: ConsoleWarning });
}
