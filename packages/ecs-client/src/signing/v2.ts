import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './percent-encode.js';

/**
 * Signature V2 of the RPC API (the seeds' "Signature" section; `SignatureMethod=HMAC-SHA1`,
 * `SignatureVersion=1.0`). Alibaba marks it discontinued in favour of V3, but every API that accepts
 * it also accepts V3, and older gateways and tools still speak it.
 */
export const V2_SIGNATURE_METHOD = 'HMAC-SHA1';
export const V2_SIGNATURE_VERSION = '1.0';

/** `GET&%2F&<percent-encoded canonical query>`: the query is encoded a second time on purpose. */
export function stringToSignV2(method: string, params: Readonly<Record<string, string>>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/**
 * Base64 HMAC-SHA1 of the string to sign, keyed by `AccessKeySecret + "&"`. `params` must hold every
 * request parameter (common and action-specific, query and form body) except `Signature` itself.
 */
export function signV2(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSignV2(method, params), 'utf8').digest('base64');
}

/** `YYYY-MM-DDThh:mm:ssZ`: the Timestamp format of V2 and the `x-acs-date` format of V3 (no millis). */
export function isoTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

let cachedSecond = -1;
let cachedTimestamp = '';

/** The current time as `isoTimestamp`, formatted once per second (it is on every request's path). */
export function currentTimestamp(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedTimestamp = isoTimestamp(new Date(second * 1000));
  }
  return cachedTimestamp;
}
