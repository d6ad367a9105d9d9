/**
 * An error ECS would answer with: a documented code, its HTTP status, and a message. Providers
 * throw these; the server serialises them with RequestId and HostId.
 */
export class EcsApiError extends Error {
  override readonly name = 'EcsApiError';
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const apiError = (httpStatus: number, code: string, message: string) =>
  new EcsApiError(httpStatus, code, message);

// The common errors, named after their codes (DIGEST §5).

export const missingParameter = (name: string) =>
  apiError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export const invalidParameter = (name: string, detail: string, code = 'InvalidParameter', status = 400) =>
  apiError(status, code, `The specified parameter "${name}" is not valid: ${detail}`);

export const invalidRegion = (regionId: string) =>
  apiError(404, 'InvalidRegionId.NotFound', `The specified RegionId "${regionId}" does not exist.`);

export const notFound = (code: string, kind: string, id: string) =>
  apiError(404, code, `The specified ${kind} "${id}" does not exist.`);

export const incorrectStatus = (code: string, what: string, status: string, action: string) =>
  apiError(403, code, `The current status of the ${what} (${status}) does not support ${action}.`);

export const internalError = () =>
  apiError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.');

export const serviceUnavailable = () =>
  apiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');

export const throttling = () => apiError(400, 'Throttling', 'Request was denied due to request throttling.');
