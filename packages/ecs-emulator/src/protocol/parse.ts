import type { IncomingMessage } from 'node:http';
import { apiError } from './errors.js';

/** A request as the protocol layer sees it, before authentication. */
export interface ParsedRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** Query parameters only (V3 signs these). */
  readonly query: Record<string, string>;
  /** Query and form-body parameters merged; the body wins on a clash. */
  readonly params: Record<string, string>;
  readonly headers: IncomingMessage['headers'];
  /** The raw body (V3 signs its hash). */
  readonly body: Buffer;
}

/** Largest request body accepted: UserData (32 KiB) and long lists fit easily. */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw apiError(413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * Merges the query string and an `application/x-www-form-urlencoded` body, as ECS does: clients
 * send V2 parameters in either, and the official SDK sends V3 parameters in the query.
 */
export function parseRequest(request: IncomingMessage, body: Buffer): ParsedRequest {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = queryStart < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(queryStart + 1)));
  const params: Record<string, string> = { ...query };
  const contentType = request.headers['content-type'] ?? '';
  if (body.length > 0 && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params[name] = value;
  }
  return { method: request.method ?? 'GET', path, query, params, headers: request.headers, body };
}
