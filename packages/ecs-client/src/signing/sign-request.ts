import { randomUUID } from 'node:crypto';
import type { Credentials } from '../credentials/types.js';
import type { WireParams } from '../params.js';
import type { HttpRequest } from '../transport/http-transport.js';
import { canonicalQuery, percentEncode } from './percent-encode.js';
import { currentTimestamp, signV2, V2_SIGNATURE_METHOD, V2_SIGNATURE_VERSION } from './v2.js';
import { EMPTY_BODY_SHA256, signV3Canonical } from './v3.js';

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

/** V3: business parameters in the query, action and version in headers, empty body. */
export function signRequestV3(
  action: string,
  wire: WireParams,
  credentials: Credentials,
  endpoint: Endpoint,
  userAgent: string,
): SignedRequest {
  const headers: Record<string, string> = {
    host: endpoint.host,
    'x-acs-action': action,
    'x-acs-version': ECS_API_VERSION,
    'x-acs-date': currentTimestamp(),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    accept: 'application/json',
    'user-agent': userAgent,
  };
  if (credentials.securityToken) headers['x-acs-security-token'] = credentials.securityToken;
  const { path } = endpoint;
  const query = canonicalQuery(wire);
  const { authorization, signature } = signV3Canonical(
    'POST',
    path,
    query,
    headers,
    EMPTY_BODY_SHA256,
    credentials.accessKeyId,
    credentials.accessKeySecret,
  );
  headers.authorization = authorization;
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
