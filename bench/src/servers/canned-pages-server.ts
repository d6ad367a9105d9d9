import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EcsClient, type Credentials } from '@ecs-console/ecs-client';

/**
 * The floor of a region listing: the same Describe pages the emulator answers (DescribeInstances
 * unless `action` says DescribeDisks or DescribeSnapshots), read from it once and then served as
 * canned bytes after the same latency, with no signing, checking or serialising. `GET /?page=N`, or
 * a call with `PageNumber=N` in its query (V3), so the BFF itself can list from it. Options as JSON
 * in argv[2]: `{ emulatorUrl, credentials, regionId, latencyMs, action? }`; sends `{ url, pages,
 * totalCount }` once listening.
 */
const {
  emulatorUrl,
  credentials,
  regionId,
  latencyMs,
  action = 'DescribeInstances',
} = JSON.parse(process.argv[2] ?? '{}') as {
  emulatorUrl: string;
  credentials: Credentials;
  regionId: string;
  latencyMs: number;
  action?: 'DescribeInstances' | 'DescribeDisks' | 'DescribeSnapshots';
};

const client = new EcsClient({ credentials, endpoint: emulatorUrl, regionId });
const pages: Buffer[] = [];
let totalCount = 0;
for (let pageNumber = 1; ; pageNumber++) {
  const page = await client.call(action, { RegionId: regionId, PageNumber: pageNumber, PageSize: 100 });
  pages.push(Buffer.from(JSON.stringify(page)));
  totalCount = page.TotalCount;
  if (pageNumber * 100 >= totalCount) break;
}
await client.close();

const server = createServer((request, response) => {
  const query = new URL(request.url ?? '/', 'http://x').searchParams;
  const page = pages[Number(query.get('page') ?? query.get('PageNumber')) - 1];
  setTimeout(() => {
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': page.length });
    response.end(page);
  }, latencyMs);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}`, pages: pages.length, totalCount });
});
