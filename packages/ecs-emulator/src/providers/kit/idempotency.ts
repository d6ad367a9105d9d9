import { apiError } from '../../protocol/errors.js';
import type { Store } from '../../store/store.js';
import type { ActionContext } from './context.js';
import type { RequestParams } from './params.js';

/**
 * ClientToken idempotency (DIGEST §5): a write re-sent with the same token and the same parameters
 * answers the first call's result without acting again; the same token with other parameters is
 * `IdempotentParameterMismatch`. Tokens are remembered in the store, so a reset store forgets them.
 */

export interface RememberedCall {
  readonly fingerprint: string;
  readonly result: Record<string, unknown>;
}

/** Parameters that differ between two sendings of the same call (signing, transport, the token itself). */
const PROTOCOL_PARAMS = new Set([
  'AccessKeyId',
  'Action',
  'ClientToken',
  'Format',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureType',
  'SignatureVersion',
  'Timestamp',
  'Version',
]);

/**
 * Runs `produce` once per (action, token): later calls with that token get the remembered result
 * when `fingerprint` matches, or the mismatch error when it does not. Without a token, or when
 * `produce` throws, nothing is remembered.
 */
export function remember<T extends Record<string, unknown>>(
  store: Store,
  action: string,
  token: string | undefined,
  fingerprint: string,
  produce: () => T,
  options: { mismatchStatus?: number } = {},
): T {
  if (token === undefined) return produce();
  const calls = store.clientTokenCalls;
  const key = `${action}\n${token}`;
  const earlier = calls.get(key);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      throw apiError(
        options.mismatchStatus ?? 400,
        'IdempotentParameterMismatch',
        'The specified parameters are different from before when using the same ClientToken.',
      );
    }
    return { ...earlier.result } as T;
  }
  const result = produce();
  calls.set(key, { fingerprint, result: { ...result } });
  return result;
}

/** The request's own parameters, in a stable order, without the ones that vary per sending. */
export function requestFingerprint(params: RequestParams): string {
  const entries = Object.entries(params.raw)
    .filter(([name]) => !PROTOCOL_PARAMS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** The ClientToken parameter: at most 64 ASCII characters (SDK). */
export function readClientToken(params: RequestParams): string | undefined {
  return params.string('ClientToken', { maxLength: 64, pattern: /^[\x20-\x7e]+$/ });
}

/** `remember` for the current request: its action, its ClientToken, its parameters. */
export function idempotent<T extends Record<string, unknown>>(
  context: ActionContext,
  produce: () => T,
  options: { mismatchStatus?: number } = {},
): T {
  const token = readClientToken(context.params);
  return remember(context.store, context.action, token, requestFingerprint(context.params), produce, options);
}
