import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, TestServer } from './support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server.close());

/** The code block that follows the `readme-example` marker in the root README. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  const match = /<!-- readme-example -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README has no readme-example block');
  return match[1];
}

describe('README example', () => {
  it('runs as written against an ECS endpoint', async () => {
    const status = new Map([
      ['i-web1', 'Running'],
      ['i-db1', 'Stopped'],
    ]);
    server.handler = (request, response) => {
      switch (request.action) {
        case 'DescribeRegions':
          json(response, 200, {
            RequestId: 'R',
            Regions: { Region: [{ RegionId: 'cn-hangzhou' }, { RegionId: 'eu-central-1' }] },
          });
          return;
        case 'DescribeInstances': {
          const wanted = request.params.InstanceIds
            ? (JSON.parse(request.params.InstanceIds) as string[])
            : [...status.keys()];
          const instances = wanted.map((id) => ({
            InstanceId: id,
            InstanceName: id.slice(2),
            Status: status.get(id),
            VpcAttributes: { PrivateIpAddress: { IpAddress: ['172.16.0.1'] } },
          }));
          json(response, 200, {
            RequestId: 'R',
            TotalCount: instances.length,
            PageNumber: 1,
            PageSize: 100,
            Instances: { Instance: instances },
          });
          return;
        }
        case 'StartInstance':
          status.set(request.params.InstanceId!, 'Running');
          json(response, 200, { RequestId: 'R' });
          return;
        default:
          json(response, 404, { RequestId: 'R', Code: 'InvalidAction.NotFound', Message: request.action });
      }
    };
    const dir = await mkdtemp(join(tmpdir(), 'readme-example-'));
    const file = join(dir, 'example.ts');
    await writeFile(file, await readmeExample());
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    vi.stubEnv('ECS_ENDPOINT', server.url);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'readme-id');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'readme-secret');
    try {
      await import(file);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(lines[0]).toBe('regions: cn-hangzhou, eu-central-1');
    expect(lines).toContain('i-db1 is Running');
    expect(server.requests.map((r) => r.action)).toEqual([
      'DescribeRegions',
      'DescribeInstances',
      'StartInstance',
      'DescribeInstances',
    ]);
  });
});
