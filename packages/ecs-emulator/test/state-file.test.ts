import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';
import { startEmulator } from '../src/index.js';

describe('--state-file', () => {
  it('keeps changes across a restart', async () => {
    const stateFile = join(await mkdtemp(join(tmpdir(), 'emulator-state-')), 'state.json');
    const keys = [{ accessKeyId: 'testid', accessKeySecret: 'testsecret' }];

    const first = await startEmulator({ keys, stateFile, speed: 1000 });
    const client = new EcsClient({ credentials: keys[0]!, endpoint: first.url, regionId: 'cn-hangzhou' });
    const { Instances } = await client.call('DescribeInstances', {
      RegionId: 'cn-hangzhou',
      Status: 'Running',
      PageSize: 1,
    });
    const id = Instances.Instance[0]!.InstanceId;
    await client.call('ModifyInstanceAttribute', { InstanceId: id, InstanceName: 'renamed-before-restart' });
    const { DiskId } = await client.call('CreateDisk', {
      RegionId: 'cn-hangzhou',
      ZoneId: Instances.Instance[0]!.ZoneId,
      Size: 30,
      DiskCategory: 'cloud_essd',
    });
    await client.close();
    await first.close();
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);

    const second = await startEmulator({ keys, stateFile });
    const again = new EcsClient({ credentials: keys[0]!, endpoint: second.url, regionId: 'cn-hangzhou' });
    const after = await again.call('DescribeInstances', { RegionId: 'cn-hangzhou', InstanceIds: [id] });
    expect(after.Instances.Instance[0]!.InstanceName).toBe('renamed-before-restart');
    const disks = await again.call('DescribeDisks', { RegionId: 'cn-hangzhou', DiskIds: [DiskId] });
    expect(disks.Disks.Disk[0]!.Size).toBe(30);
    await again.close();
    await second.close();
  });
});
