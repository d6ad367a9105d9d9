import { describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';
import { startEmulator } from '../src/index.js';

async function screenshotBytes(format: 'jpeg' | 'png' | undefined): Promise<Buffer> {
  const ecs = await startEmulator(format ? { screenshotFormat: format } : {});
  const client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url });
  try {
    const running = await client.call('DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Running', PageSize: 1 });
    const id = running.Instances.Instance[0]!.InstanceId;
    const shot = await client.call('GetInstanceScreenshot', { RegionId: 'cn-hangzhou', InstanceId: id });
    return Buffer.from(shot.Screenshot, 'base64');
  } finally {
    await client.close();
    await ecs.close();
  }
}

describe('GetInstanceScreenshot image format', () => {
  it('is JPEG by default, as ECS answers', async () => {
    const bytes = await screenshotBytes(undefined);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('is PNG when asked, like the documentation examples', async () => {
    const bytes = await screenshotBytes('png');
    expect(bytes.subarray(0, 8).toString('base64')).toBe('iVBORw0KGgo=');
  });
});
