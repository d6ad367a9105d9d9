import { afterEach, describe, expect, it, vi } from 'vitest';
import { getScreenshot } from '@/features/diagnostics/api/screenshot';
import { ApiError, apiFetchBinary } from '@/lib/api-client';

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function stubFetch(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetchBinary', () => {
  it('returns the bytes and headers, sending the session cookie', async () => {
    const fetchMock = stubFetch(new Response(PNG_BYTES, { headers: { 'Content-Type': 'image/png' } }));
    const { blob, headers } = await apiFetchBinary('/api/x');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG_BYTES);
    expect(headers.get('content-type')).toBe('image/png');
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ credentials: 'same-origin' });
  });

  it('turns a JSON error into an ApiError with code and RequestId', async () => {
    stubFetch(
      Response.json(
        { code: 'Throttling', message: 'Screenshots are limited.', requestId: 'ECS-1' },
        { status: 429, headers: { 'x-request-id': 'BFF-1' } },
      ),
    );
    const error = await apiFetchBinary('/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'Throttling', requestId: 'ECS-1' });
  });

  it('reports a network failure as NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiFetchBinary('/api/x')).rejects.toMatchObject({ code: 'NetworkError' });
  });
});

describe('getScreenshot', () => {
  it('asks with WakeUp and reads the content type and capture time', async () => {
    const fetchMock = stubFetch(
      new Response(PNG_BYTES, {
        headers: { 'Content-Type': 'image/jpeg', 'X-Captured-At': '2024-05-01T08:30:00.000Z' },
      }),
    );
    const screenshot = await getScreenshot('cn-hangzhou', 'i-1', true);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/instances/cn-hangzhou/i-1/screenshot?wakeUp=true');
    expect(screenshot).toMatchObject({ contentType: 'image/jpeg', capturedAt: '2024-05-01T08:30:00.000Z' });
  });
});
