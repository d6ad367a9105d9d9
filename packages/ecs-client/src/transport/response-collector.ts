import type { Dispatcher } from 'undici';
import type { HttpResponse } from './http-transport.js';

/**
 * An undici dispatch handler that gathers one response into a string. It is what the transport uses
 * instead of undici's `request()`, whose streaming body (a Readable, an async resource and their
 * promises per request) costs more CPU per call than signing does, for bodies read whole anyway.
 * It settles its promise once: with the response, or with undici's error or the signal's reason.
 */
export class ResponseCollector implements Dispatcher.DispatchHandler {
  readonly promise: Promise<HttpResponse>;
  #resolve!: (response: HttpResponse) => void;
  #reject!: (error: unknown) => void;
  readonly #signal: AbortSignal | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  #statusCode = 0;
  #headers: HttpResponse['headers'] = {};
  #chunks: Buffer[] = [];
  /** Settles at once; a request already on the wire is aborted, one still queued when it starts. */
  #onAbort: (() => void) | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.promise = new Promise<HttpResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#signal = signal;
    if (signal) {
      // Made only when there is a signal: most calls have none, and this is on every call's path.
      this.#onAbort = () => {
        this.#reject(signal.reason);
        this.#controller?.abort(signal.reason as Error);
      };
      signal.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.#signal?.aborted) {
      controller.abort(this.#signal.reason as Error);
      return;
    }
    this.#controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: HttpResponse['headers'],
  ): void {
    this.#statusCode = statusCode;
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#onAbort) this.#signal?.removeEventListener('abort', this.#onAbort);
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.#resolve({ statusCode: this.#statusCode, headers: this.#headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#onAbort) this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#reject(error);
  }
}
