import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Clock } from './clock.js';
import { Faults, type FaultChanges } from './control/faults.js';
import { generateEstate, type EstateOptions } from './data/generator.js';
import { authenticate, NonceCache, type EmulatorKey } from './protocol/authenticate.js';
import { apiError, EcsApiError, internalError } from './protocol/errors.js';
import { parseRequest, readBody } from './protocol/parse.js';
import {
  newRequestId,
  serializeError,
  serializeSuccess,
  type ResponseFormat,
  type SerializedResponse,
} from './protocol/serialize.js';
import { RequestParams } from './providers/kit/params.js';
import { actionHandlers, registerTransitions } from './providers/index.js';
import { Store } from './store/store.js';

export interface RequestLogEntry {
  readonly requestId: string;
  readonly action: string;
  readonly accessKeyId: string | undefined;
  readonly status: number;
  readonly code: string | undefined;
  readonly ms: number;
}

export interface EmulatorCoreOptions extends EstateOptions {
  readonly keys: readonly EmulatorKey[];
  readonly speed?: number;
  readonly faults?: FaultChanges;
  /** Told about every ECS request answered (never keys, signatures or parameters). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Told after every answered write action (used to save the state file). */
  readonly onWrite?: () => void;
  /** GetInstanceScreenshot's image format. Default JPEG, as ECS. */
  readonly screenshotFormat?: 'jpeg' | 'png';
  /** DescribeInstanceVncUrl answers `<vncPublicUrl>/websockify/?s=<ticket>` (ws:// or wss://). Default: the emulator's own ws:// address. */
  readonly vncPublicUrl?: string;
}

/**
 * The emulator's request pipeline: parse → authenticate → fault injection → provider → serialise.
 * Transport-independent: the HTTP server hands it requests; tests may too.
 */
export class Emulator {
  readonly clock: Clock;
  readonly faults: Faults;
  readonly nonces = new NonceCache();
  readonly #keys: Map<string, EmulatorKey>;
  readonly #estate: EstateOptions;
  readonly #onRequest: EmulatorCoreOptions['onRequest'];
  readonly #onWrite: EmulatorCoreOptions['onWrite'];
  readonly #screenshotFormat: 'jpeg' | 'png';
  readonly #vncPublicUrl: string | undefined;
  #store: Store;

  constructor(options: EmulatorCoreOptions) {
    this.clock = new Clock({ speed: options.speed ?? 1 });
    this.faults = new Faults(options.faults);
    this.#keys = new Map(options.keys.map((key) => [key.accessKeyId, key]));
    this.#estate = {
      seed: options.seed,
      instances: options.instances,
      disks: options.disks,
      fleetRegion: options.fleetRegion,
    };
    this.#onRequest = options.onRequest;
    this.#onWrite = options.onWrite;
    this.#screenshotFormat = options.screenshotFormat ?? 'jpeg';
    this.#vncPublicUrl = options.vncPublicUrl === undefined ? undefined : vncPublicBase(options.vncPublicUrl);
    this.#store = this.#freshStore(true);
  }

  get store(): Store {
    return this.#store;
  }

  /** Replaces the state with the initial generated estate (same seed), e.g. between tests. */
  resetState(): void {
    this.#store = this.#freshStore(true);
    this.nonces.clear();
  }

  /** An empty store with transitions registered (for loading a state file into). */
  emptyStore(): Store {
    return this.#freshStore(false);
  }

  useStore(store: Store): void {
    this.#store = store;
  }

  #freshStore(generate: boolean): Store {
    const store = new Store(this.clock);
    registerTransitions(store);
    if (generate) generateEstate(store, this.#estate);
    return store;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const hostId = request.headers.host ?? 'ecs.aliyuncs.com';
    let format: ResponseFormat = 'JSON';
    let action = '';
    let accessKeyId: string | undefined;
    let status = 200;
    let code: string | undefined;
    let payload: SerializedResponse;
    try {
      if (request.method !== 'GET' && request.method !== 'POST') {
        throw apiError(
          403,
          'UnsupportedHTTPMethod',
          `The HTTP method ${request.method ?? ''} is not supported; use GET or POST.`,
        );
      }
      const parsed = parseRequest(request, await readBody(request));
      // Until authentication says otherwise, answer in the format the request seems to want.
      format = guessFormat(parsed.params.Format, request.headers.authorization);
      const realNow = Date.now();
      const auth = authenticate(parsed, this.#keys, this.nonces, realNow);
      ({ action, accessKeyId, format } = auth);
      const handler = actionHandlers[action];
      if (!handler)
        throw apiError(
          404,
          'InvalidAction.NotFound',
          `Specified api is not found, please check your url and method: ${action}`,
        );
      const fault = this.faults.decide(action, auth.accessKeyId, realNow);
      if (fault) throw fault;
      const store = this.#store;
      const now = this.clock.now();
      store.advance(now);
      const body = handler({
        action,
        params: new RequestParams(parsed.params),
        store,
        clock: this.clock,
        now,
        requestId,
        accessKeyId: auth.accessKeyId,
        baseUrl: `http://${hostId}`,
        screenshotFormat: this.#screenshotFormat,
        vncPublicUrl: this.#vncPublicUrl,
      });
      payload = serializeSuccess(action, requestId, body, format);
      if (!isReadAction(action)) this.#onWrite?.();
    } catch (caught) {
      const error = caught instanceof EcsApiError ? caught : unexpected(caught);
      status = error.httpStatus;
      code = error.code;
      payload = serializeError(
        {
          RequestId: requestId,
          HostId: hostId,
          Code: error.code,
          Message: error.message,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Ecs&requestId=${requestId}`,
        },
        format,
      );
    }
    const { latencyMs } = this.faults.settings;
    if (latencyMs > 0) await delay(latencyMs);
    response.writeHead(status, {
      'content-type': payload.contentType,
      'content-length': Buffer.byteLength(payload.body),
      'x-acs-request-id': requestId,
    });
    response.end(payload.body);
    this.#onRequest?.({ requestId, action, accessKeyId, status, code, ms: performance.now() - started });
  }
}

/** `wss://host[:port][/path]` without a trailing slash; anything else is a programming error. */
export function vncPublicBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`vncPublicUrl must be a ws:// or wss:// URL, got "${url}"`);
  }
  if ((parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') || parsed.search || parsed.hash) {
    throw new RangeError(`vncPublicUrl must be a ws:// or wss:// URL without query, got "${url}"`);
  }
  return url.replace(/\/+$/, '');
}

function guessFormat(format: string | undefined, authorization: string | undefined): ResponseFormat {
  if (format !== undefined) return format.toUpperCase() === 'JSON' ? 'JSON' : 'XML';
  return authorization?.startsWith('ACS3-') ? 'JSON' : 'XML';
}

function isReadAction(action: string): boolean {
  return /^(Describe|List|Get)/.test(action);
}

function unexpected(error: unknown): EcsApiError {
  // A bug in a provider: answer as ECS does for its own failures, and say so on stderr.
  console.error('ecs-emulator: unexpected error', error);
  return internalError();
}
