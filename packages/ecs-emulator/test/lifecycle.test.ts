import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsClient } from '@ecs-console/ecs-client';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { officialSdkCaller, popCoreCaller, type WireCall } from './support/official-clients.js';

/**
 * The fidelity test: the same lifecycle driven by three clients — the official SDK (V3), pop-core
 * (V2) and ours (V3) — through real HTTP. The clock runs fast so transitions take milliseconds.
 */
let ecs: RunningEmulator;
beforeAll(async () => {
  ecs = await startEmulator({ speed: 500 });
});
afterAll(() => ecs.close());

const REGION = 'cn-hangzhou';

interface InstanceView {
  InstanceId: string;
  Status: string;
  ZoneId: string;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function lifecycle(call: WireCall): Promise<void> {
  const regions = (await call('DescribeRegions', {})) as { Regions: { Region: { RegionId: string }[] } };
  expect(regions.Regions.Region.map((r) => r.RegionId)).toContain(REGION);
  const zones = (await call('DescribeZones', { RegionId: REGION })) as { Zones: { Zone: { ZoneId: string }[] } };
  expect(zones.Zones.Zone.length).toBeGreaterThan(0);

  // Page through every instance of the region.
  const seen: InstanceView[] = [];
  let total = Infinity;
  for (let page = 1; seen.length < total; page++) {
    const body = (await call('DescribeInstances', { RegionId: REGION, PageNumber: page, PageSize: 5 })) as {
      TotalCount: number;
      Instances: { Instance: InstanceView[] };
    };
    total = body.TotalCount;
    if (body.Instances.Instance.length === 0) break;
    seen.push(...body.Instances.Instance);
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen.map((i) => i.InstanceId)).size).toBe(total);

  const describe = async (id: string) =>
    (
      (await call('DescribeInstances', { RegionId: REGION, InstanceIds: JSON.stringify([id]) })) as {
        Instances: { Instance: InstanceView[] };
      }
    ).Instances.Instance[0]!;
  const running = seen.find((i) => i.Status === 'Running')!;
  await call('StopInstance', { InstanceId: running.InstanceId });
  await until(
    () => describe(running.InstanceId),
    (i) => i.Status === 'Stopped',
    'Stopped',
  );
  await call('StartInstance', { InstanceId: running.InstanceId });
  await until(
    () => describe(running.InstanceId),
    (i) => i.Status === 'Running',
    'Running',
  );

  // A data disk: create, attach, detach, delete.
  interface DiskView {
    DiskId: string;
    Status: string;
  }
  const diskStatus = async (id: string) =>
    (
      (await call('DescribeDisks', { RegionId: REGION, DiskIds: JSON.stringify([id]) })) as {
        Disks: { Disk: DiskView[] };
      }
    ).Disks.Disk[0];
  const { DiskId } = (await call('CreateDisk', {
    RegionId: REGION,
    ZoneId: running.ZoneId,
    Size: 20,
    DiskCategory: 'cloud_essd',
  })) as {
    DiskId: string;
  };
  await until(
    () => diskStatus(DiskId),
    (d) => d?.Status === 'Available',
    'disk Available',
  );
  await call('AttachDisk', { InstanceId: running.InstanceId, DiskId });
  await until(
    () => diskStatus(DiskId),
    (d) => d?.Status === 'In_use',
    'disk In_use',
  );

  // A snapshot of it, watched from progressing to accomplished.
  const { SnapshotId } = (await call('CreateSnapshot', { DiskId })) as { SnapshotId: string };
  const progress: string[] = [];
  await until(
    async () =>
      (
        (await call('DescribeSnapshots', { RegionId: REGION, SnapshotIds: JSON.stringify([SnapshotId]) })) as {
          Snapshots: { Snapshot: { Status: string; Progress: string }[] };
        }
      ).Snapshots.Snapshot[0]!,
    (s) => {
      progress.push(s.Progress);
      return s.Status === 'accomplished';
    },
    'snapshot accomplished',
  );
  expect(progress.at(-1)).toBe('100%');

  await call('DetachDisk', { InstanceId: running.InstanceId, DiskId });
  await until(
    () => diskStatus(DiskId),
    (d) => d?.Status === 'Available',
    'disk Available again',
  );
  await call('DeleteDisk', { DiskId });
  await until(
    () => diskStatus(DiskId),
    (d) => d === undefined,
    'disk gone',
  );

  // A security-group rule: authorize, see it, revoke, see it gone.
  const groups = (await call('DescribeSecurityGroups', { RegionId: REGION })) as {
    SecurityGroups: { SecurityGroup: { SecurityGroupId: string }[] };
  };
  const groupId = groups.SecurityGroups.SecurityGroup[0]!.SecurityGroupId;
  const rule = {
    RegionId: REGION,
    SecurityGroupId: groupId,
    IpProtocol: 'tcp',
    PortRange: '8443/8443',
    SourceCidrIp: '198.51.100.0/24',
  };
  const hasRule = async () =>
    (
      (await call('DescribeSecurityGroupAttribute', { RegionId: REGION, SecurityGroupId: groupId })) as {
        Permissions: { Permission: { PortRange: string; SourceCidrIp: string }[] };
      }
    ).Permissions.Permission.some((p) => p.PortRange === '8443/8443' && p.SourceCidrIp === '198.51.100.0/24');
  await call('AuthorizeSecurityGroup', rule);
  expect(await hasRule()).toBe(true);
  await call('RevokeSecurityGroup', rule);
  expect(await hasRule()).toBe(false);
}

describe('real clients run the lifecycle unchanged', () => {
  it('the official @alicloud/ecs20140526 SDK (Signature V3)', async () => {
    await lifecycle(officialSdkCaller(ecs.url, ecs.credentials.accessKeyId, ecs.credentials.accessKeySecret));
  });

  it('@alicloud/pop-core (Signature V2)', async () => {
    await lifecycle(popCoreCaller(ecs.url, ecs.credentials.accessKeyId, ecs.credentials.accessKeySecret));
  });

  it('our ecs-client (Signature V3)', async () => {
    const client = new EcsClient({ credentials: ecs.credentials, endpoint: ecs.url, regionId: REGION });
    try {
      await lifecycle((action, params) => client.call(action, params));
    } finally {
      await client.close();
    }
  });
});
