import { EcsClient, EcsError } from '@ecs-console/ecs-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';

/**
 * The console's e2e injects an ECS error into a storage action and expects its code and RequestId on
 * screen: every disk and snapshot action answers an injected error, over HTTP, as ECS would.
 */
const STORAGE_ACTIONS = [
  'DescribeDisks',
  'CreateDisk',
  'AttachDisk',
  'DetachDisk',
  'ResizeDisk',
  'DeleteDisk',
  'ModifyDiskAttribute',
  'ResetDisk',
  'ReInitDisk',
  'CreateSnapshot',
  'DescribeSnapshots',
  'DeleteSnapshot',
  'DescribeZones',
];

let ecs: RunningEmulator;
let client: EcsClient;
beforeAll(async () => {
  ecs = await startEmulator();
  client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, retry: { maxAttempts: 1 } });
});
afterAll(async () => {
  await client.close();
  await ecs.close();
});

describe('fault injection on storage actions', () => {
  it.each(STORAGE_ACTIONS)('%s answers the injected error with its code, status and a RequestId', async (action) => {
    const response = await fetch(`${ecs.url}/__emulator/faults/inject`, {
      method: 'POST',
      body: JSON.stringify({ action, code: 'InvalidDiskCategory.NotSupported', httpStatus: 403, message: 'injected' }),
    });
    expect(response.status).toBeLessThan(300);
    // Parameters that would fail validation: the injected error comes first, as a fault in front of ECS.
    const error = await client
      .call(action as 'DescribeDisks', { RegionId: 'cn-hangzhou' } as never, { regionId: 'cn-hangzhou' })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({
      code: 'InvalidDiskCategory.NotSupported',
      statusCode: 403,
      message: expect.stringContaining('injected') as unknown,
      requestId: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-/i) as unknown,
    });
    expect(ecs.control.status().pendingInjections).toBe(0);
  });

  it('leaves other actions alone while an injection waits for its action', async () => {
    ecs.control.injectError({ action: 'DeleteSnapshot', code: 'Operation.Conflict', httpStatus: 403 });
    const disks = await client.call('DescribeDisks', { RegionId: 'cn-hangzhou' });
    expect(disks.TotalCount).toBeGreaterThan(0);
    const error = await client.call('DeleteSnapshot', { SnapshotId: 's-unknown' }, { regionId: 'cn-hangzhou' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'Operation.Conflict', statusCode: 403 });
    // The next call is answered by the provider again (an unknown snapshot is ignored).
    await expect(
      client.call('DeleteSnapshot', { SnapshotId: 's-unknown' }, { regionId: 'cn-hangzhou' }),
    ).resolves.toMatchObject({ RequestId: expect.any(String) as unknown });
  });
});
