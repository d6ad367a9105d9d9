import { hash, randomUUID } from 'node:crypto';
import type { Credentials } from '../credentials/types.js';
import type { WireParams } from '../params.js';
import type { HttpRequest } from '../transport/http-transport.js';
import { canonicalQuery, percentEncode } from './percent-encode.js';
import { currentTimestamp, signV2, V2_SIGNATURE_METHOD, V2_SIGNATURE_VERSION } from './v2.js';
import { hmacSha256Hex } from './hmac-sha256.js';
import { EMPTY_BODY_SHA256, V3_ALGORITHM } from './v3.js';

export const ECS_API_VERSION = '2014-05-26';

/** A resolved endpoint, kept as the strings each request needs. */
export interface Endpoint {
  readonly origin: string;
  readonly host: string;
  readonly path: string;
}

export interface SignedRequest {
  readonly request: HttpRequest;
  /** Kept only to scrub it from error messages. */
  readonly signature: string;
}

/** The headers V3 signs, in canonical (sorted) order, without and with an STS token. */
const SIGNED_HEADERS = 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version';
const SIGNED_HEADERS_WITH_TOKEN =
  'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version';

/**
 * V3: business parameters in the query, action and version in headers, empty body. The header set
 * is fixed, so the canonical request is written out directly rather than sorted and joined on every
 * call (`signV3Canonical` is the general form; the tests check both give the same signature).
 */
export function signRequestV3(
  action: string,
  wire: WireParams,
  credentials: Credentials,
  endpoint: Endpoint,
  userAgent: string,
): SignedRequest {
  const { host, path } = endpoint;
  const date = currentTimestamp();
  const nonce = randomUUID();
  const token = credentials.securityToken;
  const query = canonicalQuery(wire);
  const canonicalRequest =
    `POST\n${path}\n${query}\nhost:${host}\nx-acs-action:${action.trim()}\n` +
    `x-acs-content-sha256:${EMPTY_BODY_SHA256}\nx-acs-date:${date}\n` +
    (token ? `x-acs-security-token:${token.trim()}\n` : '') +
    `x-acs-signature-nonce:${nonce}\nx-acs-version:${ECS_API_VERSION}\n\n` +
    `${token ? SIGNED_HEADERS_WITH_TOKEN : SIGNED_HEADERS}\n${EMPTY_BODY_SHA256}`;
  const signature = hmacSha256Hex(
    credentials.accessKeySecret,
    `${V3_ALGORITHM}\n${hash('sha256', canonicalRequest, 'hex')}`,
  );
  const headers: Record<string, string> = {
    host,
    'x-acs-action': action,
    'x-acs-version': ECS_API_VERSION,
    'x-acs-date': date,
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    accept: 'application/json',
    'user-agent': userAgent,
    authorization: `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${
      token ? SIGNED_HEADERS_WITH_TOKEN : SIGNED_HEADERS
    },Signature=${signature}`,
  };
  if (token) headers['x-acs-security-token'] = token;
  return {
    request: { origin: endpoint.origin, path: query ? `${path}?${query}` : path, method: 'POST', headers },
    signature,
  };
}

/** V2: every parameter, common ones included, in a signed form body. */
export function signRequestV2(
  action: string,
  wire: WireParams,
  credentials: Credentials,
  endpoint: Endpoint,
  userAgent: string,
): SignedRequest {
  const params: WireParams = {
    ...wire,
    Action: action,
    Version: ECS_API_VERSION,
    Format: 'JSON',
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: V2_SIGNATURE_METHOD,
    SignatureVersion: V2_SIGNATURE_VERSION,
    SignatureNonce: randomUUID(),
    Timestamp: currentTimestamp(),
  };
  if (credentials.securityToken) params.SecurityToken = credentials.securityToken;
  const signature = signV2('POST', params, credentials.accessKeySecret);
  return {
    request: {
      origin: endpoint.origin,
      path: endpoint.path,
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': userAgent,
      },
      body: `${canonicalQuery(params)}&Signature=${percentEncode(signature)}`,
    },
    signature,
  };
}
