import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../errors.js';

/** A query component as `application/x-www-form-urlencoded` decodes it, or undefined when its %-escapes are broken. */
function decodeQueryComponent(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** Why the URL cannot be read, or undefined when every %-escape in its path and query is well-formed UTF-8. */
export function malformedUrlProblem(url: string): string | undefined {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  try {
    decodeURIComponent(path);
  } catch {
    return 'The URL path has a malformed %-escape (it must encode UTF-8).';
  }
  if (queryStart === -1) return undefined;
  for (const pair of url.slice(queryStart + 1).split('&')) {
    const separator = pair.indexOf('=');
    const name = decodeQueryComponent(separator === -1 ? pair : pair.slice(0, separator));
    if (name === undefined) return 'A query parameter name has a malformed %-escape (it must encode UTF-8).';
    if (separator !== -1 && decodeQueryComponent(pair.slice(separator + 1)) === undefined) {
      const named = name.length <= 64 ? ` ${JSON.stringify(name)}` : '';
      return `The query parameter${named} has a malformed %-escape (it must encode UTF-8).`;
    }
  }
  return undefined;
}

/**
 * 400 MalformedRequest for a path or query whose %-escapes do not decode (`%ZZ`, UTF-8 cut short,
 * encoded surrogates). Express would otherwise fail on path parameters with a bare error, and pass
 * broken query values through undecoded.
 */
export function rejectMalformedUrl(request: Request, response: Response, next: NextFunction): void {
  const problem = malformedUrlProblem(request.originalUrl);
  if (problem) {
    sendError(response, 400, 'MalformedRequest', problem);
    return;
  }
  next();
}
