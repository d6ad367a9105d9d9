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
  const held: Record<'listing' | 'ids', Promise<void> | undefined> = { listing: undefined, ids: undefined };
  /** The hold on the next request of this kind, if any: the region is read at once, answered on release. */
  const takeHold = (request: 'listing' | 'ids') => {
    const hold = held[request];
    held[request] = undefined;
    return hold;
  };
  const api = stubApi({
    [route]: async (request: SentRequest) => {
      const ids = new URL(request.path, 'http://console.test').searchParams.get('ids');
      if (ids !== null) {
        const requestedIds = ids.split(',');
        const found = items.filter((item) => requestedIds.includes(idOf(item)));
        await takeHold('ids');
        return Response.json({
          regionId: FAKE_REGION,
          [path]: found,
          requestedIds,
          fetchedAt: new Date().toISOString(),
        });
      }
      const [listed, listedVersion] = [items, version];
      await takeHold('listing');
      if (request.headers.get('if-none-match') === `"v${listedVersion}"`) return new Response(null, { status: 304 });
      const answer = {
        regionId: FAKE_REGION,
        [path]: listed,
        totalCount: listed.length,
        pages: 1,
        fetchedAt: new Date().toISOString(),
        version: `v${listedVersion}`,
      };
      return Response.json(answer, { headers: { ETag: `"v${listedVersion}"` } });
    },
  });
  return {
    set(next: T[]) {
      items = next;
      version += 1;
    },
    /**
     * The next whole listing, or the next request by `?ids=`, reads the region at once but answers
     * only when the returned function is called.
     */
    holdNext(request: 'listing' | 'ids'): () => void {
      let release!: () => void;
      held[request] = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    requests: () =>
      api.to(route).map((request) => ({
        ids: new URL(request.path, 'http://console.test').searchParams.get('ids'),
        ifNoneMatch: request.headers.get('if-none-match'),
        background: request.headers.get('x-console-background') === '1',
      })),
  };
}
