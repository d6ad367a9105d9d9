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
import { validateCredentials } from './credentials/static.js';
import type { Credentials, CredentialsProvider, CredentialsSource } from './credentials/types.js';
import { resolveEndpoint, type EndpointOptions } from './endpoints.js';
import { abortedError, EcsError } from './errors.js';
import { encodeParams, type WireParams } from './params.js';
import {
  backoffDelayMs,
  isRetryable,
  resolveRetryOptions,
  type ResolvedRetryOptions,
  type RetryOptions,
} from './retry/retry-policy.js';
import { sleep } from './retry/sleep.js';
import { canonicalQuery, percentEncode } from './signing/percent-encode.js';
import { currentTimestamp, signV2, V2_SIGNATURE_METHOD, V2_SIGNATURE_VERSION } from './signing/v2.js';
import { EMPTY_BODY_SHA256, signV3Canonical } from './signing/v3.js';
import {
  HttpTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransportOptions,
} from './transport/http-transport.js';

export const ECS_API_VERSION = '2014-05-26';
const USER_AGENT = `ecs-console-ecs-client/0.1.0 Node.js/${process.version}`;

/** A pino-compatible subset. The client logs no parameters, keys, signatures or URLs. */
export interface EcsClientLogger {
  debug(entry: Record<string, unknown>, message: string): void;
  warn(entry: Record<string, unknown>, message: string): void;
}

export interface EcsClientOptions extends EndpointOptions, HttpTransportOptions {
  /** An AccessKey, or a provider of one. Default: environment, then the aliyun CLI config file. */
  readonly credentials?: CredentialsSource;
  /** Region for calls that name none (neither a `RegionId` parameter nor a `regionId` option). */
  readonly regionId?: string;
  /** `v3` (ACS3-HMAC-SHA256, default) or `v2` (HMAC-SHA1, discontinued by Alibaba but still served). */
  readonly signatureVersion?: 'v3' | 'v2';
  readonly retry?: RetryOptions;
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

/** A resolved endpoint, kept as the strings each request needs. */
interface Endpoint {
  readonly origin: string;
  readonly host: string;
  readonly path: string;
}

interface SignedRequest {
  readonly request: HttpRequest;
  /** Kept only to scrub it from error messages. */
  readonly signature: string;
}

/** ECS answers some successful calls with a `Code` too; these mean success (as pop-core treats them). */
const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

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
  readonly #timeoutMs: number;
  readonly #logger: EcsClientLogger | undefined;
  readonly #userAgent: string;

  constructor(options: EcsClientOptions = {}) {
    this.regionId = options.regionId;
    this.signatureVersion = options.signatureVersion ?? 'v3';
    const credentials = options.credentials ?? defaultCredentialsProvider();
    if (typeof credentials === 'function') {
      this.#credentials = credentials;
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
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#logger = options.logger;
    this.#userAgent = options.userAgent ?? USER_AGENT;
  }

  /** Calls an ECS action and returns its parsed JSON body. */
  call<A extends EcsActionName>(action: A, ...args: RequestArgs<A>): Promise<ActionResponse<A>>;
  /** Calls an action this client has no types for; it is treated as a write without a ClientToken. */
  call(action: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>>;
  async call(action: string, params: object = {}, options: CallOptions = {}): Promise<unknown> {
    const spec: AnyActionSpec | undefined = isKnownAction(action) ? ecsActions[action] : undefined;
    const wire = encodeParams(params, spec?.jsonArrayParams);
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
    const context = { action, regionId };
    const started = performance.now();

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
        this.#logger?.debug(
          { ...context, attempt, statusCode: response.statusCode, requestId: body.RequestId, ms: elapsed(started) },
          'ecs call',
        );
        return body;
      } catch (caught) {
        const error = scrub(toEcsError(caught, signal), credentials, signature).with({ ...context, attempts: attempt });
        const delayMs = backoffDelayMs(attempt - 1, retry);
        const afterDelayMs = elapsed(started) + delayMs;
        const retryable =
          attempt < retry.maxAttempts &&
          isRetryable(error, idempotent) &&
          afterDelayMs < retry.budgetMs &&
          afterDelayMs < timeoutMs &&
          signal?.aborted !== true;
        this.#logger?.[retryable ? 'debug' : 'warn'](
          { ...context, attempt, code: error.code, kind: error.kind, requestId: error.requestId, retrying: retryable },
          'ecs call failed',
        );
        if (!retryable) throw error;
        try {
          await sleep(delayMs, signal);
        } catch (aborted) {
          throw toEcsError(aborted, signal).with({ ...context, attempts: attempt });
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
      ? this.#signV3(action, wire, credentials, endpoint)
      : this.#signV2(action, wire, credentials, endpoint);
  }

  /** V3: business parameters in the query, action and version in headers, empty body. */
  #signV3(action: string, wire: WireParams, credentials: Credentials, endpoint: Endpoint): SignedRequest {
    const headers: Record<string, string> = {
      host: endpoint.host,
      'x-acs-action': action,
      'x-acs-version': ECS_API_VERSION,
      'x-acs-date': currentTimestamp(),
      'x-acs-signature-nonce': randomUUID(),
      'x-acs-content-sha256': EMPTY_BODY_SHA256,
      accept: 'application/json',
      'user-agent': this.#userAgent,
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
  #signV2(action: string, wire: WireParams, credentials: Credentials, endpoint: Endpoint): SignedRequest {
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
          'user-agent': this.#userAgent,
        },
        body: `${canonicalQuery(params)}&Signature=${percentEncode(signature)}`,
      },
      signature,
    };
  }
}

interface EcsBody {
  RequestId?: string;
  HostId?: string;
  Code?: string | number;
  Message?: string;
  Recommend?: string;
}

function parseResponse(response: HttpResponse): EcsBody {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new EcsError({
      kind: 'response',
      code: 'InvalidResponse',
      message: `ECS answered HTTP ${response.statusCode} with a body that is not a JSON object`,
      statusCode: response.statusCode,
      requestId: headerValue(response.headers['x-acs-request-id']),
    });
  }
  const parsed = body as EcsBody;
  const code = parsed.Code === undefined ? undefined : String(parsed.Code);
  if (response.statusCode >= 400 || (code !== undefined && !SUCCESS_CODES.has(code))) {
    throw new EcsError({
      kind: 'service',
      code: code ?? `HTTP${response.statusCode}`,
      message: parsed.Message ?? `ECS answered HTTP ${response.statusCode}`,
      statusCode: response.statusCode,
      requestId: parsed.RequestId ?? headerValue(response.headers['x-acs-request-id']),
      hostId: parsed.HostId,
      recommend: parsed.Recommend,
    });
  }
  return parsed;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
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
