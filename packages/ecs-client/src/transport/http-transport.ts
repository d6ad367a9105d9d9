import { Pool } from 'undici';
import { abortedError, EcsError } from '../errors.js';

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
  /** `http://host:port`, which selects the connection pool. */
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
 * HTTP on undici's request API with one keep-alive pool per endpoint origin. It only moves bytes:
 * signing, parsing and retries live above it. Failures come back as `EcsError`s of kind `network`,
 * `timeout`, `aborted` or `response`, each saying whether the request may have reached the server.
 */
export class HttpTransport {
  readonly #pools = new Map<string, Pool>();
  readonly #options: Required<Omit<HttpTransportOptions, 'tls'>> & Pick<HttpTransportOptions, 'tls'>;

  constructor(options: HttpTransportOptions = {}) {
    this.#options = {
      connectionsPerEndpoint: options.connectionsPerEndpoint ?? 64,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 30_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 4_000,
      maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
      tls: options.tls,
    };
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const pool = this.#pool(request.origin);
    const cap = options.timeoutMs ?? Infinity;
    try {
      const response = await pool.request({
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: options.signal,
        headersTimeout: Math.max(1, Math.min(this.#options.headersTimeoutMs, cap)),
        bodyTimeout: Math.max(1, Math.min(this.#options.bodyTimeoutMs, cap)),
      });
      const body = await response.body.text();
      return { statusCode: response.statusCode, headers: response.headers, body };
    } catch (error) {
      throw this.#toEcsError(error, options.signal);
    }
  }

  /** Closes every pool, waiting for requests in flight. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  #pool(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      const { tls } = this.#options;
      pool = new Pool(origin, {
        connections: this.#options.connectionsPerEndpoint,
        keepAliveTimeout: this.#options.keepAliveTimeoutMs,
        maxResponseSize: this.#options.maxResponseBytes,
        connect: {
          timeout: this.#options.connectTimeoutMs,
          ...(tls?.ca === undefined ? {} : { ca: tls.ca as string | Buffer | (string | Buffer)[] }),
          ...(tls?.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
        },
      });
      this.#pools.set(origin, pool);
    }
    return pool;
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
        message: `the response was larger than ${this.#options.maxResponseBytes} bytes`,
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
