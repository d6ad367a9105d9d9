import { hash } from 'node:crypto';
import { hmacSha256Hex } from './hmac-sha256.js';
import { canonicalQuery } from './percent-encode.js';

/**
 * Signature V3 (`ACS3-HMAC-SHA256`), header-based, the current default of Alibaba Cloud's SDKs.
 * The action and API version travel in `x-acs-action` / `x-acs-version`; the business parameters in
 * the query string (as the official SDK sends them); the body hash is signed too.
 */
export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** SHA-256 of an empty body, precomputed because every ECS RPC call we send has one. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface V3SigningInput {
  readonly method: string;
  /** Always `/` for ECS RPC. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Header names in lower case. `host`, `content-type` and every `x-acs-*` header are signed. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body (also sent as `x-acs-content-sha256`). */
  readonly payloadHash: string;
}

export function sha256Hex(body: string | Uint8Array): string {
  return body.length === 0 ? EMPTY_BODY_SHA256 : hash('sha256', body, 'hex');
}

function isSignedHeader(name: string): boolean {
  return name === 'host' || name === 'content-type' || name.startsWith('x-acs-');
}

/** The names of the headers that are signed, sorted. Header names must already be in lower case. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter(isSignedHeader).sort();
}

export function canonicalRequestV3(input: V3SigningInput): { canonicalRequest: string; signedHeaders: string } {
  return buildCanonicalRequest(input.method, input.path, canonicalQuery(input.query), input.headers, input.payloadHash);
}

function buildCanonicalRequest(
  method: string,
  path: string,
  canonicalQueryString: string,
  headers: Readonly<Record<string, string>>,
  payloadHash: string,
  names: readonly string[] = signedHeaderNames(headers),
): { canonicalRequest: string; signedHeaders: string } {
  let canonicalHeaders = '';
  for (const name of names) canonicalHeaders += `${name}:${(headers[name] ?? '').trim()}\n`;
  const signedHeaders = names.join(';');
  const canonicalRequest = `${method.toUpperCase()}\n${path}\n${canonicalQueryString}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
  return { canonicalRequest, signedHeaders };
}

export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export interface V3Signature {
  /** The full `Authorization` header value. */
  readonly authorization: string;
  /** The hex signature alone (kept so error messages can be scrubbed of it). */
  readonly signature: string;
  /** What was signed (a verifier quotes it when signatures differ, as ECS does). */
  readonly stringToSign: string;
}

export function signV3(input: V3SigningInput, accessKeyId: string, accessKeySecret: string): V3Signature {
  return signV3Canonical(
    input.method,
    input.path,
    canonicalQuery(input.query),
    input.headers,
    input.payloadHash,
    accessKeyId,
    accessKeySecret,
  );
}

/**
 * `signV3` for a caller that already has the canonical query string (it is also the wire query).
 * `signedHeaders` defaults to the headers V3 requires signed (`host`, `content-type`, `x-acs-*`);
 * a verifier passes the list the client declared, which may name more.
 */
export function signV3Canonical(
  method: string,
  path: string,
  canonicalQueryString: string,
  headers: Readonly<Record<string, string>>,
  payloadHash: string,
  accessKeyId: string,
  accessKeySecret: string,
  signedHeaders?: readonly string[],
): V3Signature {
  const built = buildCanonicalRequest(method, path, canonicalQueryString, headers, payloadHash, signedHeaders);
  const stringToSign = stringToSignV3(built.canonicalRequest);
  const signature = hmacSha256Hex(accessKeySecret, stringToSign);
  return {
    authorization: `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${built.signedHeaders},Signature=${signature}`,
    signature,
    stringToSign,
  };
}
