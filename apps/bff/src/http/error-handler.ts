import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../errors.js';
import { isUnavailable, sqlState } from '../storage/database.js';

export const STORAGE_UNAVAILABLE_MESSAGE =
  "The console's database is not answering; nothing was changed. Try again shortly.";

/** body-parser's error types, as the client errors they are. */
const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  'entity.parse.failed': { status: 400, code: 'InvalidParameter', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'RequestTooLarge', message: 'The request body is too large.' },
  'charset.unsupported': {
    status: 415,
    code: 'UnsupportedCharset',
    message: 'JSON request bodies must be UTF-8 (or UTF-16): no other charset is read.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UnsupportedContentEncoding',
    message: 'Request bodies may be sent as they are or with gzip, deflate or br Content-Encoding only.',
  },
};

/**
 * The last handler: parser and client errors become their own 4xx codes; a database that does not
 * answer is 503 StorageUnavailable (a transaction that failed changed nothing); anything else is
 * the console's fault, logged and answered 500 InternalError without details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    if (response.headersSent) {
      logger.error({ err: error }, 'error after the answer started');
      return;
    }
    if (isUnavailable(error)) {
      // The driver's message and SQLSTATE only: never the statement's parameters (hashes, session ids).
      const cause = (error as { cause?: unknown }).cause ?? error;
      logger.error(
        { code: sqlState(cause), reason: error instanceof Error ? error.message.slice(0, 300) : String(error) },
        'database unavailable',
      );
      sendError(response, 503, 'StorageUnavailable', STORAGE_UNAVAILABLE_MESSAGE);
      return;
    }
    const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
    const known = typeof type === 'string' && Object.hasOwn(BODY_ERRORS, type) ? BODY_ERRORS[type] : undefined;
    if (known) {
      sendError(response, known.status, known.code, known.message);
      return;
    }
    // Other client errors raised by Express and its parsers (a body that does not inflate, an
    // aborted upload, a static path that does not decode): the request, not the console, is at fault.
    if (typeof status === 'number' && status >= 400 && status < 500 && expose !== false) {
      logger.info({ status, type }, 'malformed request');
      if (status === 404) sendError(response, 404, 'NotFound', 'Not found.');
      else sendError(response, status, 'MalformedRequest', 'The request could not be read.');
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    const serverStatus = typeof status === 'number' && status >= 500 && status < 600 ? status : 500;
    sendError(response, serverStatus, 'InternalError', 'The console failed to handle the request.');
  };
}
