import { randomUUID } from 'node:crypto';
import {
  canonicalQuery,
  EMPTY_BODY_SHA256,
  isoTimestamp,
  percentEncode,
  signV2,
  signV3Canonical,
} from '@ecs-console/ecs-client';
import type { EmulatorKey } from '../../src/index.js';

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  json(): Record<string, unknown>;
}

async function send(url: string, init: RequestInit): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

/**
 * A V2 (HMAC-SHA1) request built by hand, so tests can break one thing at a time: a stale
 * Timestamp, a reused nonce, a missing parameter, a wrong secret.
 */
export function v2Request(
  url: string,
  key: EmulatorKey,
  params: Record<string, string>,
  options: { method?: 'GET' | 'POST'; omit?: string[]; secret?: string; overrides?: Record<string, string> } = {},
): Promise<RawResponse> {
  const method = options.method ?? 'POST';
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2014-05-26',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: isoTimestamp(new Date()),
    ...(key.securityToken ? { SecurityToken: key.securityToken } : {}),
    ...params,
    ...options.overrides,
  };
  for (const name of options.omit ?? []) delete all[name];
  const signature = signV2(method, all, options.secret ?? key.accessKeySecret);
  const query = `${canonicalQuery(all)}&Signature=${percentEncode(signature)}`;
  return method === 'GET'
    ? send(`${url}/?${query}`, { method })
    : send(`${url}/`, { method, body: query, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

/** A V3 (ACS3-HMAC-SHA256) request built by hand. */
export function v3Request(
  url: string,
  key: EmulatorKey,
  action: string,
  query: Record<string, string>,
  options: { headers?: Record<string, string>; secret?: string; body?: string; omitSigned?: string[] } = {},
): Promise<RawResponse> {
  const host = new URL(url).host;
  const headers: Record<string, string> = {
    host,
    'x-acs-action': action,
    'x-acs-version': '2014-05-26',
    'x-acs-date': isoTimestamp(new Date()),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
    ...(key.securityToken ? { 'x-acs-security-token': key.securityToken } : {}),
    ...options.headers,
  };
  const signedNames = Object.keys(headers)
    .filter((name) => name === 'host' || name.startsWith('x-acs-'))
    .filter((name) => !(options.omitSigned ?? []).includes(name))
    .sort();
  const canonical = canonicalQuery(query);
  const { authorization } = signV3Canonical(
    'POST',
    '/',
    canonical,
    headers,
    headers['x-acs-content-sha256']!,
    key.accessKeyId,
    options.secret ?? key.accessKeySecret,
    signedNames,
  );
  const { host: _host, ...sent } = headers;
  return send(`${url}/?${canonical}`, { method: 'POST', headers: { ...sent, authorization }, body: options.body });
}
