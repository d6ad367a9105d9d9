import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, apiFetchConditional, callEcsAction, parseApiError, toApiError } from '@/lib/api-client';
import { onConsoleWarning } from '@/lib/console-warnings';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Stands in for the BFF: every fetch answers `response`. */
const stubFetch = (response: Response) => {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

describe('parseApiError', () => {
  it('reads the BFF error body', () => {
    const error = parseApiError(
      403,
      JSON.stringify({
        code: 'IncorrectInstanceStatus',
        message: 'The current status does not support this operation.',
        requestId: 'ECS-REQ-1',
      }),
      'BFF-REQ-1',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      code: 'IncorrectInstanceStatus',
      message: 'The current status does not support this operation.',
      requestId: 'ECS-REQ-1',
    });
  });

  it("falls back to the x-request-id header when the body's requestId is null", () => {
    const error = parseApiError(
      401,
      JSON.stringify({ code: 'Unauthenticated', message: 'Sign in.', requestId: null }),
      'BFF-7',
    );
    expect(error.requestId).toBe('BFF-7');
  });

  it('still reports an answer that is not the BFF error body', () => {
    const html = parseApiError(502, '<html>Bad Gateway</html>', null);
    expect(html).toMatchObject({ status: 502, code: 'UnexpectedResponse', requestId: null });
    expect(html.message).toContain('502');
    expect(parseApiError(500, '', null).message).toBe('HTTP 500');
    expect(parseApiError(500, '{"code":1}', null).code).toBe('UnexpectedResponse');
  });
});

describe('toApiError', () => {
  it('keeps ApiErrors and wraps anything else as a network error', () => {
    const apiError = parseApiError(404, '{"code":"UnknownAction","message":"no"}', null);
    expect(toApiError(apiError)).toBe(apiError);
    expect(toApiError(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      code: 'NetworkError',
      message: 'Failed to fetch',
    });
  });
});

describe('apiFetch', () => {
  const requestOf = (fetchMock: ReturnType<typeof stubFetch>) => {
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    return { url, init: init ?? {}, headers: new Headers(init?.headers) };
  };

  it('sends GETs with the session cookie and without the CSRF header', async () => {
    const fetchMock = stubFetch(Response.json({ ok: true }));
    await expect(apiFetch('/api/session')).resolves.toEqual({ ok: true });
    const { url, init, headers } = requestOf(fetchMock);
    expect(url).toBe('/api/session');
    expect(init.credentials).toBe('same-origin');
    expect(headers.has('X-Requested-With')).toBe(false);
  });

  it('sends other methods with the CSRF header and a JSON body', async () => {
    const fetchMock = stubFetch(Response.json({ RequestId: 'R1' }));
    await callEcsAction('StopInstance', { RegionId: 'cn-hangzhou', InstanceId: 'i-1', ForceStop: true });
    const { url, init, headers } = requestOf(fetchMock);
    expect(url).toBe('/api/ecs/StopInstance');
    expect(init.method).toBe('POST');
    expect(headers.get('X-Requested-With')).toBe('ecs-console');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ RegionId: 'cn-hangzhou', InstanceId: 'i-1', ForceStop: true });
  });

  it('answers undefined for 204', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiFetch('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws the parsed error for failures', async () => {
    stubFetch(
      Response.json(
        { code: 'TooManyLoginAttempts', message: 'Wait.', requestId: 'B-1' },
        { status: 429, headers: { 'x-request-id': 'B-1' } },
      ),
    );
    await expect(apiFetch('/api/session', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 429,
      code: 'TooManyLoginAttempts',
      requestId: 'B-1',
    });
  });

  it('turns a network failure into a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiFetch('/api/session')).rejects.toMatchObject({ code: 'NetworkError', status: 0 });
  });

  it('marks background requests with the background header, and only those', async () => {
    const fetchMock = stubFetch(Response.json({ ok: true }));
    await apiFetch('/api/regions/cn-hangzhou/instances', { background: true });
    expect(requestOf(fetchMock).headers.get('x-console-background')).toBe('1');

    const userFetch = stubFetch(Response.json({ ok: true }));
    await apiFetch('/api/regions/cn-hangzhou/instances');
    expect(requestOf(userFetch).headers.has('x-console-background')).toBe(false);
  });

  it('reports a warning beside a success, with the body message or just the code on a 204', async () => {
    const warnings: unknown[] = [];
    const stop = onConsoleWarning((warning) => warnings.push(warning));
    try {
      const consoleWarning = { code: 'AuditNotRecorded', message: 'The audit log could not be written.' };
      stubFetch(
        Response.json({ RequestId: 'R1', consoleWarning }, { headers: { 'x-console-warning': 'AuditNotRecorded' } }),
      );
      await expect(apiFetch('/api/ecs/StopInstance', { method: 'POST', body: {} })).resolves.toMatchObject({
        RequestId: 'R1',
      });
      stubFetch(new Response(null, { status: 204, headers: { 'x-console-warning': 'AuditNotRecorded' } }));
      await apiFetch('/api/users/bob', { method: 'DELETE' });
      stubFetch(Response.json({ RequestId: 'R2' }));
      await apiFetch('/api/ecs/StartInstance', { method: 'POST', body: {} });
      expect(warnings).toEqual([consoleWarning, { code: 'AuditNotRecorded', message: '' }]);
    } finally {
      stop();
    }
  });
});

describe('apiFetchConditional', () => {
  const sentInit = (fetchMock: ReturnType<typeof stubFetch>) => fetchMock.mock.calls[0]?.[1] ?? {};

  it('sends If-None-Match past the browser cache and reports 304 as not modified', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 304 }));
    await expect(apiFetchConditional('/api/regions/r/instances', '"v1"', { background: true })).resolves.toEqual({
      notModified: true,
    });
    const init = sentInit(fetchMock);
    const headers = new Headers(init.headers);
    expect(headers.get('If-None-Match')).toBe('"v1"');
    expect(headers.get('x-console-background')).toBe('1');
    expect(init.cache).toBe('no-store');
    expect(init.credentials).toBe('same-origin');
  });

  it('answers the body and its ETag on 200, and sends no If-None-Match without one', async () => {
    const fetchMock = stubFetch(Response.json({ version: 'v2' }, { headers: { ETag: '"v2"' } }));
    await expect(apiFetchConditional('/api/regions/r/instances', null)).resolves.toEqual({
      notModified: false,
      answer: { version: 'v2' },
      etag: '"v2"',
    });
    const headers = new Headers(sentInit(fetchMock).headers);
    expect(headers.has('If-None-Match')).toBe(false);
    expect(headers.has('x-console-background')).toBe(false);
  });

  it('throws failures as ApiError, as apiFetch does', async () => {
    stubFetch(
      Response.json(
        { code: 'Forbidden.RAM', message: 'No.', requestId: 'E-1' },
        { status: 403, headers: { 'x-request-id': 'B-2' } },
      ),
    );
    await expect(apiFetchConditional('/api/regions/r/instances', '"v1"')).rejects.toMatchObject({
      status: 403,
      code: 'Forbidden.RAM',
      requestId: 'E-1',
    });
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiFetchConditional('/api/regions/r/instances', '"v1"')).rejects.toBeInstanceOf(ApiError);
  });
});
