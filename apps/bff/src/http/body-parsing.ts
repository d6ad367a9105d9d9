import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { sendError } from '../errors.js';

/** The one media type API bodies may have. */
const JSON_TYPE = 'application/json';
const BODY_LIMIT = '256kb';

/**
 * The encodings read on every supported Node version (body-parser also reads zstd where Node has
 * it; the same request must not be accepted on one runtime and refused on another).
 */
const CONTENT_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

/** A request carries a body when it says so: chunked, or a non-zero length. */
function carriesBody(request: Request): boolean {
  return request.get('transfer-encoding') !== undefined || Number(request.get('content-length') ?? 0) > 0;
}

/**
 * 415 UnsupportedMediaType for a body that is not JSON. express.json() skips such bodies, so a
 * route would otherwise run as if it had been sent `{}`.
 */
function requireJsonMediaType(request: Request, response: Response, next: NextFunction): void {
  if (carriesBody(request) && request.is(JSON_TYPE) !== JSON_TYPE) {
    sendError(response, 415, 'UnsupportedMediaType', `Request bodies must be ${JSON_TYPE}.`);
    return;
  }
  next();
}

/** 415 UnsupportedContentEncoding for a body compressed in a way the console does not read. */
function requireKnownEncoding(request: Request, response: Response, next: NextFunction): void {
  const encoding = (request.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (carriesBody(request) && !CONTENT_ENCODINGS.has(encoding)) {
    sendError(
      response,
      415,
      'UnsupportedContentEncoding',
      'Request bodies may be sent as they are or with gzip, deflate or br Content-Encoding only.',
    );
    return;
  }
  next();
}

/** Where in a JSON value the first text that is not valid Unicode is, as zod names paths (`Tag.0.Value`). */
interface BrokenText {
  readonly path: string;
  /** The broken text is a parameter's name, not its value. */
  readonly inName: boolean;
}

// With the `u` flag, a surrogate pair is one code point, so this matches only lone surrogates.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A value still to visit, linked to its parent so the path is only built when something is found. */
interface Pending {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: Pending | undefined;
}

function pathOf(node: Pending): string {
  const keys: (string | number)[] = [];
  for (let at: Pending | undefined = node; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * The first string (value or object key) with a lone UTF-16 surrogate, which JSON's `\ud800`
 * escapes can produce but no UTF-8 encoding (and so no ECS request) can carry. Iterative and
 * linear in the body's size, so a deeply nested body can neither exhaust the stack nor take long.
 */
export function findBrokenText(value: unknown): BrokenText | undefined {
  const pending: Pending[] = [{ value, key: undefined, parent: undefined }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const current = node.value;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return { path: pathOf(node), inName: false };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        pending.push({ value: current[index] as unknown, key: index, parent: node });
      }
    } else if (typeof current === 'object' && current !== null) {
      const entries: [string, unknown][] = Object.entries(current as Record<string, unknown>);
      for (const [key] of entries) {
        if (LONE_SURROGATE.test(key)) return { path: pathOf(node), inName: true };
      }
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!;
        pending.push({ value: child, key, parent: node });
      }
    }
  }
  return undefined;
}

/**
 * 400 InvalidParameter, naming the parameter, for text with a lone surrogate anywhere in the body:
 * once here for every route and every registry schema, rather than per field.
 */
function rejectBrokenText(request: Request, response: Response, next: NextFunction): void {
  const broken = findBrokenText(request.body);
  if (broken) {
    const where = broken.path ? `${broken.path}: ` : '';
    const what = broken.inName ? 'a parameter name' : 'the value';
    sendError(
      response,
      400,
      'InvalidParameter',
      `${where}${what} is not valid Unicode text (it has a lone UTF-16 surrogate).`,
    );
    return;
  }
  next();
}

/**
 * API body parsing: JSON only (415 otherwise), UTF-8/16 only, gzip/deflate/br or none, at most
 * 256 KiB, and only well-formed Unicode text. Parser failures are answered by `errorHandler`.
 */
export function jsonBody(): RequestHandler[] {
  return [
    requireJsonMediaType,
    requireKnownEncoding,
    express.json({ limit: BODY_LIMIT, type: JSON_TYPE }),
    rejectBrokenText,
  ];
}
