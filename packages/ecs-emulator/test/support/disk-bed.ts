import type { DescribeDisksResponse, Disk } from '@ecs-console/ecs-client';
import { createInstance, type InstanceInit } from '../../src/store/factories.js';
import type { DiskRecord, InstanceRecord } from '../../src/store/types.js';
import { testBed, type TestBed } from './test-bed.js';

type Page = Omit<DescribeDisksResponse, 'RequestId'>;

export interface Bed extends Omit<TestBed, 'instance'> {
  /** Running, in cn-hangzhou-h, with its 20 GiB cloud_essd system disk. */
  readonly instance: InstanceRecord;
  readonly systemDisk: DiskRecord;
  describe(params?: Record<string, string>): Page;
  disk(diskId: string): Disk;
  newInstance(init?: InstanceInit): InstanceRecord;
}

export function bed(): Bed {
  const base = testBed();
  const newInstance = (init: InstanceInit = {}) => createInstance(base.store, base.region, init);
  const instance = newInstance();
  const systemDisk = [...base.region.disks.values()].find((disk) => disk.InstanceId === instance.InstanceId)!;
  const describe = (params: Record<string, string> = {}) =>
    base.call('DescribeDisks', { RegionId: base.regionId, ...params }) as unknown as Page;
  return {
    ...base,
    instance,
    systemDisk,
    describe,
    disk: (diskId) => {
      const [disk] = describe({ DiskIds: JSON.stringify([diskId]) }).Disks.Disk;
      if (!disk) throw new Error(`${diskId} is not listed`);
      return disk;
    },
    newInstance,
  };
}

export const ids = (page: Page) => page.Disks.Disk.map((disk) => disk.DiskId);
