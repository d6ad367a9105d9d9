import { randomUUID } from 'node:crypto';
import { jsonBytes } from './pre-serialized.js';

export type ResponseFormat = 'JSON' | 'XML';

export interface SerializedResponse {
  readonly contentType: string;
  /** JSON answers are UTF-8 bytes already (see pre-serialized.ts); XML ones a string. */
  readonly body: string | Buffer;
}

/** ECS's RequestId shape: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** A successful answer: `{ RequestId, ...body }`, or `<{Action}Response>` in XML. */
export function serializeSuccess(
  action: string,
  requestId: string,
  body: Record<string, unknown>,
  format: ResponseFormat,
): SerializedResponse {
  const payload = { RequestId: requestId, ...body };
  return format === 'JSON' ? json(payload) : xml(`${action}Response`, payload);
}

export interface ErrorBody {
  readonly RequestId: string;
  readonly HostId: string;
  readonly Code: string;
  readonly Message: string;
  readonly Recommend: string;
}

/** An error answer: the same fields in JSON, `<Error>` in XML. */
export function serializeError(error: ErrorBody, format: ResponseFormat): SerializedResponse {
  return format === 'JSON' ? json(error) : xml('Error', { ...error });
}

function json(payload: unknown): SerializedResponse {
  return { contentType: 'application/json;charset=utf-8', body: jsonBytes(payload) };
}

/**
 * XML in ECS's shape: an object becomes child elements; an array repeats its element name, which is
 * why JSON lists are wrapped (`Instances.Instance[]` ↔ `<Instances><Instance/><Instance/></Instances>`).
 */
function xml(root: string, payload: Record<string, unknown>): SerializedResponse {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  element(parts, root, payload);
  return { contentType: 'text/xml;charset=utf-8', body: parts.join('') };
}

function element(parts: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) element(parts, name, item);
    return;
  }
  parts.push(`<${name}>`);
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) element(parts, key, child);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    parts.push(escapeXml(String(value)));
  }
  parts.push(`</${name}>`);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}
