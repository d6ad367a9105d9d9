import { Agent } from 'undici';
import { abortedError, EcsError } from '../errors.js';
import { ResponseCollector } from './response-collector.js';

export interface HttpTransportOptions {
  /** Most sockets kept open to one endpoint. Default 64. */
  readonly connectionsPerEndpoint?: number;
  /** TCP + TLS connect timeout. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Time from sending the request to the end of the response headers. Default 30 s. */
  readonly headersTimeoutMs?: number;
  /** Longest silence while the body streams in. Default 30 s. */
  readonly bodyTimeoutMs?: number;
  /** How long an idle keep-alive socket is kept. Default 4 s (below common 5 s server timeouts). */
  readonly keepAliveTimeoutMs?: number;
  /** Largest response body accepted. Default 32 MiB: a Base64 screenshot is a few MiB. */
  readonly maxResponseBytes?: number;
  /** Passed to TLS, e.g. `{ ca }` for a private endpoint. */
  readonly tls?: {
    readonly ca?: string | Buffer | readonly (string | Buffer)[];
    readonly rejectUnauthorized?: boolean;
  };
}

export interface HttpRequest {
  /** `http://host:port`, which selects the agent's connection pool. */
  readonly origin: string;
  /** Path and query string. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  /** Caps this request's header and body timeouts (the caller's remaining deadline). */
  readonly timeoutMs?: number | undefined;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** System error codes that mean the connection was never made, so the request was never sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * HTTP on undici's dispatch API through one `Agent`, which keeps a keep-alive pool per endpoint
 * origin. It only moves bytes: signing, parsing and retries live above it. Failures come back as
 * `EcsError`s of kind `network`, `timeout`, `aborted` or `response`, each saying whether the
 * request may have reached the server.
 */
export class HttpTransport {
  readonly #agent: Agent;
  readonly #headersTimeoutMs: number;
  readonly #bodyTimeoutMs: number;
  readonly #maxResponseBytes: number;

  constructor(options: HttpTransportOptions = {}) {
    const { tls } = options;
    this.#headersTimeoutMs = options.headersTimeoutMs ?? 30_000;
    this.#bodyTimeoutMs = options.bodyTimeoutMs ?? 30_000;
    this.#maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    this.#agent = new Agent({
      connections: options.connectionsPerEndpoint ?? 64,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
      maxResponseSize: this.#maxResponseBytes,
      connect: {
        timeout: options.connectTimeoutMs ?? 5_000,
        ...(tls?.ca === undefined ? {} : { ca: tls.ca as string | Buffer | (string | Buffer)[] }),
        ...(tls?.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
      },
    });
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const cap = options.timeoutMs ?? Infinity;
    const { signal } = options;
    const collector = new ResponseCollector(signal);
    try {
      this.#agent.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body,
          headersTimeout: cap < this.#headersTimeoutMs ? Math.max(1, cap) : this.#headersTimeoutMs,
          bodyTimeout: cap < this.#bodyTimeoutMs ? Math.max(1, cap) : this.#bodyTimeoutMs,
        },
        collector,
      );
      return await collector.promise;
    } catch (error) {
      throw this.#toEcsError(error, signal);
    }
  }

  /** Closes every connection, waiting for requests in flight. */
  async close(): Promise<void> {
    await this.#agent.close();
  }

  #toEcsError(error: unknown, signal: AbortSignal | undefined): EcsError {
    if (error instanceof EcsError) return error;
    const code = errorCode(error);
    // Keep only name, code and message of the cause: undici errors can hold sockets and request state.
    const cause = sanitizedCause(error);
    if (signal?.aborted) return abortedError(signal, cause);
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      return new EcsError({
        kind: 'response',
        code: 'ResponseTooLarge',
        message: `the response was larger than ${this.#maxResponseBytes} bytes`,
        maybeExecuted: true,
        cause,
      });
    }
    const maybeExecuted = !NOT_SENT_CODES.has(code);
    if (TIMEOUT_CODES.has(code)) {
      return new EcsError({
        kind: 'timeout',
        code: 'RequestTimeout',
        message: describeTimeout(code),
        maybeExecuted,
        cause,
      });
    }
    return new EcsError({
      kind: 'network',
      code: 'NetworkError',
      message: `could not reach ECS: ${code || (error instanceof Error ? error.message : String(error))}`,
      maybeExecuted,
      cause,
    });
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, cause } = error as { code?: unknown; cause?: unknown };
    // undici wraps the socket's system error ("other side closed" carries no code of its own).
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    const inner = cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
    if (typeof inner === 'string') return inner;
    if (typeof code === 'string') return code;
  }
  return '';
}

function describeTimeout(code: string): string {
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timed out connecting to ECS';
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'timed out waiting for the response headers';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timed out reading the response body';
    default:
      return 'the connection timed out';
  }
}

function sanitizedCause(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const copy = new Error(error.message);
  copy.name = error.name;
  const code = errorCode(error);
  if (code) Object.assign(copy, { code });
  return copy;
}
