/**
 * The one error body the browser ever sees, with the HTTP status. `requestId` is ECS's RequestId
 * when ECS answered, else the BFF's own request ID (also in the `x-request-id` header).
 */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId: string | null;
}

/**
 * Codes the BFF itself answers (ECS's own codes pass through unchanged).
 * - `OutcomeUnknown` (504): a write was sent but its answer was lost (timeout, dropped connection):
 *   it may have been applied; check the resource before trying again.
 * - `StorageUnavailable` (503): the console's own database did not answer; nothing was changed by
 *   the request (a user change and its audit entry are one transaction). Try again shortly.
 */
export type BffErrorCode =
  | 'InvalidParameter'
  | 'MissingParameter'
  | 'UnknownAction'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'CsrfCheckFailed'
  | 'InvalidCredentials'
  | 'TooManyLoginAttempts'
  | 'WeakPassword'
  | 'WrongPassword'
  | 'UserExists'
  | 'UserNotFound'
  | 'LastAdmin'
  | 'NotFound'
  | 'RequestTooLarge'
  | 'UnsupportedCharset'
  | 'UnsupportedContentEncoding'
  | 'UnsupportedMediaType'
  | 'MalformedRequest'
  | 'EcsUnreachable'
  | 'EcsTimeout'
  | 'EcsCredentials'
  | 'OutcomeUnknown'
  | 'InvalidScreenshot'
  | 'InvalidVncUrl'
  | 'StorageUnavailable'
  | 'InternalError';

export type ConsoleWarningCode = 'AuditNotRecorded';

/** Added to a successful answer (and named in the `x-console-warning` header) when something failed beside it. */
export interface ConsoleWarning {
  readonly code: ConsoleWarningCode;
  readonly message: string;
}
