import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAll, listPages, paginate, paginateItems, type EcsClient, type EcsError } from '../src/index.js';
import { ecsError, json, TestServer, type ReceivedRequest } from './support/test-server.js';
import { testClient } from './support/client.js';

let server: TestServer;
let client: EcsClient;

const FLEET = Array.from({ length: 237 }, (_, i) => ({
  InstanceId: `i-${String(i).padStart(4, '0')}`,
  Status: 'Running',
}));

/** Serves FLEET like DescribeInstances: PageNumber/PageSize, or NextToken/MaxResults when asked. */
function serveFleet(options: { latencyMs?: number; failPage?: number } = {}) {
  let inFlight = 0;
  const stats = { maxInFlight: 0 };
  server.handler = (request: ReceivedRequest, response) => {
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      const p = request.params;
      if (p.MaxResults !== undefined || p.NextToken !== undefined) {
        const size = Number(p.MaxResults ?? 10);
        const start = Number(p.NextToken ?? 0);
        const page = FLEET.slice(start, start + size);
        const next = start + size < FLEET.length ? String(start + size) : '';
        json(response, 200, { RequestId: 'R', NextToken: next, Instances: { Instance: page } });
        return;
      }
      const pageNumber = Number(p.PageNumber ?? 1);
      const pageSize = Number(p.PageSize ?? 10);
      if (pageNumber === options.failPage) {
        ecsError(response, 400, 'InvalidParameter');
        return;
      }
      json(response, 200, {
        RequestId: 'R',
        TotalCount: FLEET.length,
        PageNumber: pageNumber,
        PageSize: pageSize,
        Instances: { Instance: FLEET.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) },
      });
    }, options.latencyMs ?? 0);
  };
  return stats;
}

beforeAll(async () => {
  server = await TestServer.start();
  client = testClient(server.url);
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('paginate', () => {
  it('follows NextToken by default and yields every page in order', async () => {
    serveFleet();
    const pages = [];
    for await (const page of paginate(client, 'DescribeInstances', { RegionId: 'cn-hangzhou' }, { pageSize: 100 })) {
      pages.push(page.Instances.Instance.length);
    }
    expect(pages).toEqual([100, 100, 37]);
    expect(server.requests.map((r) => r.params.NextToken)).toEqual([undefined, '100', '200']);
    expect(server.requests.every((r) => r.params.PageNumber === undefined)).toBe(true);
  });

  it('walks PageNumber pages when asked, stopping at TotalCount', async () => {
    serveFleet();
    const ids: string[] = [];
    for await (const instance of paginateItems(
      client,
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      { mode: 'pageNumber', pageSize: 50 },
    )) {
      ids.push(instance.InstanceId);
    }
    expect(ids).toEqual(FLEET.map((i) => i.InstanceId));
    expect(server.requests.map((r) => r.params.PageNumber)).toEqual(['1', '2', '3', '4', '5']);
  });

  it("caps the page size at the action's maximum", async () => {
    serveFleet();
    const first = await paginate(client, 'DescribeInstances', { RegionId: 'cn-hangzhou' }, { pageSize: 1000 }).next();
    expect(first.value?.Instances.Instance).toHaveLength(100);
    expect(server.requests[0]!.params.MaxResults).toBe('100');
  });
});

describe('listAll', () => {
  it('reads the first page, then the rest concurrently within the bound, in stable order', async () => {
    const stats = serveFleet({ latencyMs: 20 });
    const instances = await listAll(
      client,
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      { pageSize: 10, concurrency: 4 },
    );
    expect(instances.map((i) => i.InstanceId)).toEqual(FLEET.map((i) => i.InstanceId));
    expect(server.requests).toHaveLength(24);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('maps each page once as it arrives, answering the mapped pages in page order (listPages)', async () => {
    serveFleet({ latencyMs: 5 });
    const mapped: string[] = [];
    const pages = await listPages(
      { call: client.call.bind(client) },
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      (page) => {
        const first = page.Instances.Instance[0]!.InstanceId;
        mapped.push(first);
        return { first, count: page.Instances.Instance.length };
      },
      { pageSize: 100, concurrency: 2 },
    );
    expect(pages).toEqual([
      { first: 'i-0000', count: 100 },
      { first: 'i-0100', count: 100 },
      { first: 'i-0200', count: 37 },
    ]);
    expect(mapped.toSorted()).toEqual(['i-0000', 'i-0100', 'i-0200']);
  });

  it('throws the first failure and starts no more pages after it', async () => {
    serveFleet({ failPage: 3, latencyMs: 5 });
    const error = (await listAll(
      client,
      'DescribeInstances',
      { RegionId: 'cn-hangzhou' },
      { pageSize: 10, concurrency: 2 },
    ).catch((e: unknown) => e)) as EcsError;
    expect(error.code).toBe('InvalidParameter');
    expect(server.requests.length).toBeLessThan(24);
  });

  it('makes one call when everything fits on the first page', async () => {
    server.handler = (_request, response) =>
      json(response, 200, {
        RequestId: 'R',
        TotalCount: 5,
        PageNumber: 1,
        PageSize: 100,
        Instances: { Instance: FLEET.slice(0, 5) },
      });
    const instances = await listAll(client, 'DescribeInstances', { RegionId: 'cn-hangzhou' });
    expect(instances).toHaveLength(5);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.params).toMatchObject({ PageNumber: '1', PageSize: '100' });
  });

  it('follows NextToken one page at a time for actions without page numbers', async () => {
    const rules = Array.from({ length: 25 }, (_, i) => ({ SecurityGroupRuleId: `sgr-${i}` }));
    server.handler = (request, response) => {
      const start = Number(request.params.NextToken ?? 0);
      const size = Number(request.params.MaxResults);
      const next = start + size < rules.length ? String(start + size) : '';
      json(response, 200, {
        RequestId: 'R',
        NextToken: next,
        Permissions: { Permission: rules.slice(start, start + size) },
      });
    };
    const permissions = await listAll(
      client,
      'DescribeSecurityGroupAttribute',
      { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-1' },
      { pageSize: 10 },
    );
    expect(permissions.map((p) => p.SecurityGroupRuleId)).toEqual(rules.map((r) => r.SecurityGroupRuleId));
    expect(server.requests).toHaveLength(3);
  });
});
