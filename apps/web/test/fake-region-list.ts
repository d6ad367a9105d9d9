import { stubApi, type SentRequest } from './dom/fetch-stub';

export const FAKE_REGION = 'cn-hangzhou';

/**
 * A region's instances, disks or snapshots (`path`) the stub serves as the BFF would: whole (with
 * ETag and 304) or by `?ids=`.
 */
export function fakeRegionList<T>(path: string, idOf: (item: T) => string, initial: T[]) {
  const route = `GET /api/regions/${FAKE_REGION}/${path}`;
  let items = initial;
  let version = 1;
  const api = stubApi({
    [route]: (request: SentRequest) => {
      const ids = new URL(request.path, 'http://console.test').searchParams.get('ids');
      if (ids !== null) {
        const requestedIds = ids.split(',');
        return Response.json({
          regionId: FAKE_REGION,
          [path]: items.filter((item) => requestedIds.includes(idOf(item))),
          requestedIds,
          fetchedAt: new Date().toISOString(),
        });
      }
      if (request.headers.get('if-none-match') === `"v${version}"`) return new Response(null, { status: 304 });
      const answer = {
        regionId: FAKE_REGION,
        [path]: items,
        totalCount: items.length,
        pages: 1,
        fetchedAt: new Date().toISOString(),
        version: `v${version}`,
      };
      return Response.json(answer, { headers: { ETag: `"v${version}"` } });
    },
  });
  return {
    set(next: T[]) {
      items = next;
      version += 1;
    },
    requests: () =>
      api.to(route).map((request) => ({
        ids: new URL(request.path, 'http://console.test').searchParams.get('ids'),
        ifNoneMatch: request.headers.get('if-none-match'),
        background: request.headers.get('x-console-background') === '1',
      })),
  };
}
