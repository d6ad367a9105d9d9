import { vi } from 'vitest';

/** One request the page sent, as the BFF would receive it. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

type Handler = (request: SentRequest) => Response | Promise<Response>;

/**
 * Stubs `fetch` at the network boundary: `routes` maps `'METHOD /path'` (the path without the query)
 * to an answer. Every request is recorded; one without a route fails the test loudly with a 599.
 */
export function stubApi(routes: Record<string, Handler | Response>) {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://console.test');
    const method = init?.method ?? 'GET';
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: SentRequest = {
      method,
      path: url.pathname + url.search,
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    sent.push(request);
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return Response.json({ code: 'NoStub', message: `${method} ${url.pathname}` }, { status: 599 });
    return typeof route === 'function' ? route(request) : route.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    sent,
    /** The requests to `'METHOD /path'` so far. */
    to: (key: string) => sent.filter((request) => `${request.method} ${request.path.split('?')[0]}` === key),
  };
}

/** The BFF's error answer. */
export function apiError(status: number, code: string, message: string, requestId = 'REQ-TEST-1'): Response {
  return Response.json({ code, message, requestId }, { status, headers: { 'x-request-id': requestId } });
}
