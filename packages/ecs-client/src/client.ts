import { randomUUID } from 'node:crypto';
import {
  ecsActions,
  isKnownAction,
  type ActionRequest,
  type AnyActionSpec,
  type ActionResponse,
  type EcsActionName,
} from './actions/index.js';
import { defaultCredentialsProvider } from './credentials/chain.js';
import { memoizeCredentials } from './credentials/memoize.js';
import { validateCredentials } from './credentials/static.js';
import type { Credentials, CredentialsProvider, CredentialsSource } from './credentials/types.js';
import { resolveEndpoint, type EndpointOptions } from './endpoints.js';
import { abortedError, EcsError } from './errors.js';
import { encodeParams, type WireParams } from './params.js';
import { parseResponse } from './response.js';
import {
  backoffDelayMs,
  isRetryable,
  resolveRetryOptions,
  type ResolvedRetryOptions,
  type RetryOptions,
} from './retry/retry-policy.js';
import { RetryQuota } from './retry/retry-quota.js';
import { sleep } from './retry/sleep.js';
import { percentEncode } from './signing/percent-encode.js';
import { signRequestV2, signRequestV3, type Endpoint, type SignedRequest } from './signing/sign-request.js';
import { HttpTransport, type HttpTransportOptions } from './transport/http-transport.js';

export { ECS_API_VERSION } from './signing/sign-request.js';
const USER_AGENT = `ecs-console-ecs-client/0.1.0 Node.js/${process.version}`;

/** A pino-compatible subset. The client logs no parameters, keys, signatures or URLs. */
export interface EcsClientLogger {
  debug(entry: Record<string, unknown>, message: string): void;
  warn(entry: Record<string, unknown>, message: string): void;
}

export interface EcsClientOptions extends EndpointOptions, HttpTransportOptions {
  /**
   * A provider of credentials (asked before each attempt, and cached: credentials with an
   * `expiration` are fetched afresh shortly before it), or a fixed AccessKey. Default:
   * `defaultCredentialsProvider()`: environment, aliyun CLI config, then the ECS instance's RAM role.
   */
  readonly credentials?: CredentialsSource;
  /** Region for calls that name none (neither a `RegionId` parameter nor a `regionId` option). */
  readonly regionId?: string;
  /** `v3` (ACS3-HMAC-SHA256, default) or `v2` (HMAC-SHA1, discontinued by Alibaba but still served). */
  readonly signatureVersion?: 'v3' | 'v2';
  readonly retry?: RetryOptions;
  /**
   * The retry budget every call of this client draws on (see `RetryQuota`): a capacity in tokens
   * (default 500; a retry costs 5, or 10 after a timeout), or a quota to share between clients.
   */
  readonly retryQuota?: number | RetryQuota;
  /** Deadline for one call, retries and backoff included. Default 60 s. */
  readonly timeoutMs?: number;
  /** Share one transport (and its connection pools) between clients. Closed by its owner. */
  readonly transport?: HttpTransport;
  readonly logger?: EcsClientLogger;
  readonly userAgent?: string;
}

export interface CallOptions {
  /** Which region's endpoint to call; defaults to the `RegionId` parameter, then the client's region. */
  readonly regionId?: string;
  readonly signal?: AbortSignal;
  /** Overrides the client's deadline for this call. */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
}

type RequestArgs<A extends EcsActionName> =
  Record<string, never> extends ActionRequest<A>
    ? [params?: ActionRequest<A>, options?: CallOptions]
    : [params: ActionRequest<A>, options?: CallOptions];

/**
 * The Alibaba Cloud ECS RPC client: `await client.call('DescribeInstances', { RegionId })`.
 * Signs each attempt afresh (new nonce and timestamp), retries what is safe to retry, and throws
 * `EcsError` for every failure.
 */
export class EcsClient {
  readonly regionId: string | undefined;
  readonly signatureVersion: 'v3' | 'v2';
  readonly #credentials: CredentialsProvider;
  /** Set when the credentials are a fixed pair, so the hot path need not await a provider. */
  readonly #staticCredentials: Credentials | undefined = undefined;
  readonly #endpointOptions: EndpointOptions;
  readonly #endpoints = new Map<string, Endpoint>();
  readonly #transport: HttpTransport;
  readonly #ownsTransport: boolean;
  readonly #retryOptions: RetryOptions;
  readonly #retry: ResolvedRetryOptions;
  readonly #retryQuota: RetryQuota;
  readonly #timeoutMs: number;
  readonly #logger: EcsClientLogger | undefined;
  readonly #userAgent: string;

  constructor(options: EcsClientOptions = {}) {
    this.regionId = options.regionId;
    this.signatureVersion = options.signatureVersion ?? 'v3';
    const credentials = options.credentials ?? defaultCredentialsProvider();
    if (typeof credentials === 'function') {
      this.#credentials = memoizeCredentials(credentials);
    } else {
      const fixed = validateCredentials(credentials, 'static credentials');
      this.#staticCredentials = fixed;
      this.#credentials = () => Promise.resolve(fixed);
    }
    this.#endpointOptions = { endpoint: options.endpoint, endpoints: options.endpoints, protocol: options.protocol };
    if (options.endpoint) resolveEndpoint(undefined, this.#endpointOptions); // fail fast on a malformed endpoint
    this.#ownsTransport = options.transport === undefined;
    this.#transport = options.transport ?? new HttpTransport(options);
    this.#retryOptions = options.retry ?? {};
    this.#retry = resolveRetryOptions(this.#retryOptions);
    this.#retryQuota =
      options.retryQuota instanceof RetryQuota ? options.retryQuota : new RetryQuota({ capacity: options.retryQuota });
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#logger = options.logger;
    this.#userAgent = options.userAgent ?? USER_AGENT;
  }

  /** The retry budget this client's calls draw on. */
  get retryQuota(): RetryQuota {
    return this.#retryQuota;
  }

  /** Calls an ECS action and returns its parsed JSON body. */
  call<A extends EcsActionName>(action: A, ...args: RequestArgs<A>): Promise<ActionResponse<A>>;
  /** Calls an action this client has no types for; it is treated as a write without a ClientToken. */
  call(action: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>>;
  async call(action: string, params: object = {}, options: CallOptions = {}): Promise<unknown> {
    const spec: AnyActionSpec | undefined = isKnownAction(action) ? ecsActions[action] : undefined;
    let wire: WireParams;
    try {
      wire = encodeParams(params, spec?.jsonArrayParams);
    } catch (error) {
      throw error instanceof EcsError ? error.with({ action, regionId: options.regionId ?? this.regionId }) : error;
    }
    if (spec?.clientToken && wire.ClientToken === undefined) {
      wire.ClientToken = randomUUID();
    }
    const idempotent = spec?.kind === 'read' || wire.ClientToken !== undefined;
    const regionId = options.regionId ?? wire.RegionId ?? this.regionId;
    const endpoint = this.#endpoint(regionId);
    const retry = options.retry ? resolveRetryOptions({ ...this.#retryOptions, ...options.retry }) : this.#retry;

    // The deadline caps each attempt's timeouts and is checked between attempts, rather than being
    // an AbortSignal timer per call: that costs more CPU than the signing does.
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const { signal } = options;
    const started = performance.now();

    // Tokens the latest retry took from the quota; a success gives them back.
    let retryCost: number | undefined;
    for (let attempt = 1; ; attempt++) {
      let credentials: Credentials | undefined;
      let signature: string | undefined;
      try {
        signal?.throwIfAborted();
        const remainingMs = timeoutMs - (performance.now() - started);
        if (remainingMs <= 0) throw deadlineError(timeoutMs);
        credentials = this.#staticCredentials ?? (await this.#resolveCredentials());
        const signed = this.#sign(action, wire, credentials, endpoint);
        signature = signed.signature;
        const response = await this.#transport.send(signed.request, { signal, timeoutMs: remainingMs });
        const body = parseResponse(response);
        this.#retryQuota.release(retryCost);
        this.#logger?.debug(
          {
            action,
            regionId,
            attempt,
            statusCode: response.statusCode,
            requestId: body.RequestId,
            ms: elapsed(started),
          },
          'ecs call',
        );
        return body;
      } catch (caught) {
        const error = scrub(toEcsError(caught, signal), credentials, signature).with({
          action,
          regionId,
          attempts: attempt,
        });
        const delayMs = backoffDelayMs(attempt - 1, retry, Math.random, error);
        const afterDelayMs = elapsed(started) + delayMs;
        const allowed =
          attempt < retry.maxAttempts &&
          isRetryable(error, idempotent) &&
          afterDelayMs < retry.budgetMs &&
          afterDelayMs < timeoutMs &&
          signal?.aborted !== true;
        // The quota is asked last, so that only retries that will happen take tokens.
        retryCost = allowed ? this.#retryQuota.acquire(error) : undefined;
        const retrying = retryCost !== undefined;
        this.#logger?.[retrying ? 'debug' : 'warn'](
          {
            action,
            regionId,
            attempt,
            code: error.code,
            kind: error.kind,
            requestId: error.requestId,
            retrying,
            ...(allowed && !retrying ? { retryQuotaExhausted: true } : {}),
          },
          'ecs call failed',
        );
        if (!retrying) throw error;
        try {
          await sleep(delayMs, signal);
        } catch (aborted) {
          throw toEcsError(aborted, signal).with({ action, regionId, attempts: attempt });
        }
      }
    }
  }

  /** Closes the connection pools (unless the transport was shared in). */
  async close(): Promise<void> {
    if (this.#ownsTransport) await this.#transport.close();
  }

  async #resolveCredentials(): Promise<Credentials> {
    try {
      return await this.#credentials();
    } catch (error) {
      if (error instanceof EcsError) throw error;
      throw new EcsError({
        kind: 'credentials',
        code: 'Credentials.ProviderFailed',
        message: `the credentials provider failed: ${error instanceof Error ? error.message : String(error)}`,
        maybeExecuted: false,
      });
    }
  }

  #endpoint(regionId: string | undefined): Endpoint {
    const key = regionId ?? '';
    let endpoint = this.#endpoints.get(key);
    if (!endpoint) {
      const url = resolveEndpoint(regionId, this.#endpointOptions);
      endpoint = { origin: url.origin, host: url.host, path: url.pathname || '/' };
      this.#endpoints.set(key, endpoint);
    }
    return endpoint;
  }

  #sign(action: string, wire: WireParams, credentials: Credentials, endpoint: Endpoint): SignedRequest {
    return this.signatureVersion === 'v3'
      ? signRequestV3(action, wire, credentials, endpoint, this.#userAgent)
      : signRequestV2(action, wire, credentials, endpoint, this.#userAgent);
  }
}

function deadlineError(timeoutMs: number): EcsError {
  return new EcsError({
    kind: 'timeout',
    code: 'RequestTimeout',
    message: `the call deadline of ${timeoutMs} ms passed`,
    maybeExecuted: false,
  });
}

function toEcsError(error: unknown, signal: AbortSignal | undefined): EcsError {
  if (error instanceof EcsError) return error;
  if (signal?.aborted) return abortedError(signal);
  const message = error instanceof Error ? error.message : String(error);
  return new EcsError({ kind: 'network', code: 'ClientError', message, maybeExecuted: false });
}

/** Removes the secret, the token and this attempt's signature from a message, however they got there. */
function scrub(error: EcsError, credentials: Credentials | undefined, signature: string | undefined): EcsError {
  const secrets = [credentials?.accessKeySecret, credentials?.securityToken, signature]
    .filter((value): value is string => typeof value === 'string' && value.length >= 4)
    .flatMap((value) => [value, percentEncode(value), encodeURIComponent(value)]);
  let message = error.message;
  for (const secret of secrets) message = message.split(secret).join('[REDACTED]');
  return message === error.message ? error : new EcsError({ ...error.toJSON(), message, cause: error.cause });
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
