import { timingSafeEqual } from 'node:crypto';
import { canonicalQuery, sha256Hex, signV2, signV3Canonical, stringToSignV2 } from '@ecs-console/ecs-client';
import { apiError, missingParameter } from './errors.js';
import type { ParsedRequest } from './parse.js';

export const API_VERSION = '2014-05-26';

/** A key pair the emulator accepts; with `securityToken` it behaves as an STS key. */
export interface EmulatorKey {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

export interface Authenticated {
  readonly accessKeyId: string;
  readonly action: string;
  readonly signatureVersion: 'v2' | 'v3';
  /** Response format the client asked for; V2 defaults to XML as ECS does, V3 to JSON. */
  readonly format: 'JSON' | 'XML';
}

/** Signature timestamps may be this far from the real clock, either way (15 minutes). */
const CLOCK_SKEW_MS = 15 * 60 * 1000;
const V3_PREFIX = 'ACS3-HMAC-SHA256 ';
const V3_REQUIRED_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce'];

/**
 * Remembers nonces for the skew window so a replayed request is refused (`SignatureNonceUsed`).
 * Entries expire by time; the map is swept when it grows.
 */
export class NonceCache {
  readonly #seen = new Map<string, number>();
  #nextSweep = 0;

  /** False when the nonce was already used by this key within the window. */
  claim(accessKeyId: string, nonce: string, now: number): boolean {
    if (now >= this.#nextSweep) this.#sweep(now);
    const key = `${accessKeyId}\n${nonce}`;
    const expiry = this.#seen.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.#seen.set(key, now + CLOCK_SKEW_MS);
    return true;
  }

  clear(): void {
    this.#seen.clear();
  }

  #sweep(now: number): void {
    for (const [key, expiry] of this.#seen) if (expiry <= now) this.#seen.delete(key);
    this.#nextSweep = now + 60_000;
  }
}

/**
 * Checks a request the way the ECS gateway does and names the action. Throws the gateway's
 * errors: MissingParameter, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch,
 * InvalidTimeStamp.Expired, SignatureNonceUsed, IncompleteSignature, security token errors.
 */
export function authenticate(
  request: ParsedRequest,
  keys: ReadonlyMap<string, EmulatorKey>,
  nonces: NonceCache,
  realNow: number,
): Authenticated {
  const authorization = header(request, 'authorization');
  if (authorization?.startsWith(V3_PREFIX)) return authenticateV3(request, authorization, keys, nonces, realNow);
  return authenticateV2(request, keys, nonces, realNow);
}

function authenticateV2(
  request: ParsedRequest,
  keys: ReadonlyMap<string, EmulatorKey>,
  nonces: NonceCache,
  realNow: number,
): Authenticated {
  const params = request.params;
  for (const name of [
    'Action',
    'Version',
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
  ]) {
    if (!params[name]) throw missingParameter(name);
  }
  const { Action: action, AccessKeyId: accessKeyId, Signature: signature } = params;
  if (params.SignatureMethod !== 'HMAC-SHA1') {
    throw apiError(
      400,
      'InvalidParamater',
      `The specified SignatureMethod "${params.SignatureMethod}" is not supported; use HMAC-SHA1.`,
    );
  }
  if (params.SignatureVersion !== '1.0') {
    throw apiError(
      400,
      'InvalidParamater',
      `The specified SignatureVersion "${params.SignatureVersion}" is not supported; use 1.0.`,
    );
  }
  checkVersion(params.Version!);
  const key = findKey(keys, accessKeyId!);
  checkTimestamp(params.Timestamp!, realNow);
  const { Signature: _omitted, ...signed } = params;
  const expected = signV2(request.method, signed, key.accessKeySecret);
  if (!sameText(expected, signature!)) {
    throw signatureMismatch(stringToSignV2(request.method, signed));
  }
  checkSecurityToken(key, params.SecurityToken);
  if (!nonces.claim(key.accessKeyId, params.SignatureNonce!, realNow)) throw nonceUsed(params.SignatureNonce!);
  const format = (params.Format ?? 'XML').toUpperCase() === 'JSON' ? 'JSON' : 'XML';
  return { accessKeyId: key.accessKeyId, action: action!, signatureVersion: 'v2', format };
}

function authenticateV3(
  request: ParsedRequest,
  authorization: string,
  keys: ReadonlyMap<string, EmulatorKey>,
  nonces: NonceCache,
  realNow: number,
): Authenticated {
  const fields = parseAuthorization(authorization.slice(V3_PREFIX.length));
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) {
    throw apiError(
      400,
      'IncompleteSignature',
      'The Authorization header needs Credential, SignedHeaders and Signature.',
    );
  }
  const names = signedHeaders.split(';');
  const unsigned = V3_REQUIRED_SIGNED.filter((name) => !names.includes(name));
  if (unsigned.length > 0)
    throw apiError(400, 'IncompleteSignature', `These headers must be signed: ${unsigned.join(', ')}.`);
  for (const name of V3_REQUIRED_SIGNED) if (!header(request, name)) throw missingParameter(name);
  const action = header(request, 'x-acs-action')!;
  checkVersion(header(request, 'x-acs-version')!);
  const key = findKey(keys, accessKeyId);
  checkTimestamp(header(request, 'x-acs-date')!, realNow);

  const bodyHash = sha256Hex(request.body);
  const claimedHash = header(request, 'x-acs-content-sha256') ?? bodyHash;
  const canonicalHeaders: Record<string, string> = {};
  for (const name of names) canonicalHeaders[name] = header(request, name) ?? '';
  const { signature: expected, stringToSign } = signV3Canonical(
    request.method,
    request.path,
    canonicalQuery(request.query),
    canonicalHeaders,
    claimedHash,
    accessKeyId,
    key.accessKeySecret,
    names,
  );
  if (!sameText(expected, signature)) throw signatureMismatch(stringToSign);
  if (claimedHash !== bodyHash)
    throw apiError(400, 'SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the body.');
  checkSecurityToken(key, header(request, 'x-acs-security-token'));
  const nonce = header(request, 'x-acs-signature-nonce')!;
  if (!nonces.claim(key.accessKeyId, nonce, realNow)) throw nonceUsed(nonce);
  const format = (request.params.Format ?? 'JSON').toUpperCase() === 'XML' ? 'XML' : 'JSON';
  return { accessKeyId: key.accessKeyId, action, signatureVersion: 'v3', format };
}

function header(request: ParsedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAuthorization(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of text.split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  return fields;
}

function checkVersion(version: string): void {
  if (version !== API_VERSION) {
    throw apiError(
      400,
      'InvalidParameter',
      `The specified Version "${version}" is not valid; ECS is version ${API_VERSION}.`,
    );
  }
}

function findKey(keys: ReadonlyMap<string, EmulatorKey>, accessKeyId: string): EmulatorKey {
  const key = keys.get(accessKeyId);
  if (!key) throw apiError(404, 'InvalidAccessKeyId.NotFound', `Specified access key is not found: ${accessKeyId}`);
  return key;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function checkTimestamp(value: string, realNow: number): void {
  const time = TIMESTAMP.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw apiError(
      400,
      'IllegalTimestamp',
      `The input parameter "Timestamp" (${value}) is not in UTC ISO 8601 format YYYY-MM-DDThh:mm:ssZ.`,
    );
  }
  if (Math.abs(time - realNow) > CLOCK_SKEW_MS) {
    throw apiError(
      400,
      'InvalidTimeStamp.Expired',
      `Specified time stamp or date value is expired: ${value} is more than 15 minutes from the server time.`,
    );
  }
}

function checkSecurityToken(key: EmulatorKey, token: string | undefined): void {
  if (key.securityToken === undefined) return;
  if (!token)
    throw apiError(
      400,
      'MissingSecurityToken',
      'This AccessKey is an STS key: the request must carry its SecurityToken.',
    );
  if (!sameText(token, key.securityToken)) {
    throw apiError(400, 'InvalidSecurityToken.Mismatch', 'The SecurityToken does not belong to this AccessKey.');
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function signatureMismatch(stringToSign: string): Error {
  return apiError(
    400,
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
  );
}

function nonceUsed(nonce: string): Error {
  return apiError(400, 'SignatureNonceUsed', `Specified signature nonce was used already: ${nonce}`);
}
