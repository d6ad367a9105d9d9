import { describe, expect, it } from 'vitest';
import { Clock } from '../src/clock.js';
import { REGION_CATALOG } from '../src/data/catalog.js';
import { generateEstate, type EstateOptions } from '../src/data/generator.js';
import { Random } from '../src/data/random.js';
import { serializeState } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';
import type { DiskRecord, InstanceRecord, RegionState, SnapshotRecord } from '../src/store/types.js';

const NOW = Date.UTC(2026, 10, 15, 9, 30, 12, 345);
const YEAR = 365 * 86_400_000;

function estate(options: EstateOptions = {}): Store {
  const store = new Store(new Clock({ start: NOW, realNow: () => 0 }));
  generateEstate(store, options);
  return store;
}

function all<T>(store: Store, pick: (region: RegionState) => Iterable<T>): T[] {
  return [...store.regions.values()].flatMap((region) => [...pick(region)]);
}

const instancesOf = (store: Store): InstanceRecord[] => all(store, (region) => region.instances.values());
const disksOf = (store: Store): DiskRecord[] => all(store, (region) => region.disks.values());
const snapshotsOf = (store: Store): SnapshotRecord[] => all(store, (region) => region.snapshots.values());

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const rng = new Random(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('never picks a zero-weight value and follows the weights', () => {
    const rng = new Random(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 2000; i++) {
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
          ['c', 0],
        ] as const)
      ]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.a).toBeGreaterThan(counts.b * 2);
  });

  it('refuses to pick from nothing', () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
    expect(() => new Random(1).weighted([['a', 0]])).toThrow(RangeError);
  });
});

describe('generateEstate determinism', () => {
  it('builds the same estate from the same seed', () => {
    expect(serializeState(estate({ seed: 7 }))).toBe(serializeState(estate({ seed: 7 })));
    expect(serializeState(estate({ seed: 7, instances: 300 }))).toBe(
      serializeState(estate({ seed: 7, instances: 300 })),
    );
  });

  it('builds a different estate from another seed', () => {
    expect(serializeState(estate({ seed: 1 }))).not.toBe(serializeState(estate({ seed: 2 })));
    expect(serializeState(estate())).toBe(serializeState(estate({ seed: 1 })));
  });
});

describe.each([1, 99])('the default estate of seed %i', (seed) => {
  const store = estate({ seed });
  const instances = instancesOf(store);
  const disks = disksOf(store);
  const snapshots = snapshotsOf(store);

  it('has every catalog region with its zones and one or two VPCs', () => {
    expect([...store.regions.keys()]).toEqual(REGION_CATALOG.map((entry) => entry.region.RegionId));
    expect(store.regions.size).toBeGreaterThanOrEqual(4);
    for (const region of store.regions.values()) {
      expect(region.zones.length).toBeGreaterThan(0);
      expect(region.vpcs.length).toBeGreaterThanOrEqual(1);
      expect(region.vpcs.length).toBeLessThanOrEqual(2);
      for (const vpc of region.vpcs)
        expect(vpc.vSwitches.map((v) => v.ZoneId)).toEqual(region.zones.map((z) => z.ZoneId));
    }
  });

  it('has a few dozen instances, most in cn-hangzhou and some in every region', () => {
    expect(instances.length).toBeGreaterThanOrEqual(36);
    expect(instances.length).toBeLessThanOrEqual(48);
    const counts = [...store.regions.values()].map((region) => region.instances.size);
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(store.region('cn-hangzhou')!.instances.size).toBe(Math.max(...counts));
  });

  it('names instances by app, environment and number, without repeats', () => {
    const names = instances.map((instance) => instance.InstanceName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^((win-)?(web|api|db|cache)-(prod|staging|dev)|bastion|win-ad)-\d{2}$/);
    }
    expect(names).toEqual(expect.arrayContaining(['bastion-01', 'win-ad-01', 'db-prod-01', 'web-prod-01']));
  });

  it('runs Linux and Windows images with matching OS fields and catalog instance types', () => {
    expect(new Set(instances.map((instance) => instance.OSType))).toEqual(new Set(['linux', 'windows']));
    for (const instance of instances) {
      expect(instance.ImageId.startsWith('win')).toBe(instance.OSType === 'windows');
      expect(instance.InstanceName.startsWith('win-')).toBe(instance.OSType === 'windows');
    }
    expect(new Set(instances.map((instance) => instance.InstanceType)).size).toBeGreaterThan(4);
  });

  it('mixes statuses, with stopped modes only on stopped instances', () => {
    const statuses = new Set(instances.map((instance) => instance.Status));
    expect(statuses).toEqual(new Set(['Running', 'Stopped', 'Starting', 'Stopping']));
    const stopped = instances.filter((instance) => instance.Status === 'Stopped');
    expect(stopped.length).toBeGreaterThanOrEqual(2);
    expect(new Set(stopped.map((instance) => instance.StoppedMode))).toEqual(new Set(['KeepCharging', 'StopCharging']));
    for (const instance of instances.filter((i) => i.Status !== 'Stopped'))
      expect(instance.StoppedMode).toBe('Not-applicable');
    for (const instance of stopped.filter((i) => i.InstanceChargeType === 'PrePaid')) {
      expect(instance.StoppedMode).toBe('KeepCharging');
    }
  });

  it('gives starting and stopping instances transitions that finish them', () => {
    // A store of its own: moving the clock changes it.
    const moving = estate({ seed });
    const movingInstances = instancesOf(moving);
    const starting = movingInstances.find((instance) => instance.Status === 'Starting')!;
    const stopping = movingInstances.find((instance) => instance.Status === 'Stopping')!;
    expect(starting.transition).toEqual({ to: 'Running', at: expect.any(Number) as number });
    expect(stopping.transition).toEqual({ to: 'Stopped', at: expect.any(Number) as number });
    expect(movingInstances.filter((instance) => instance.transition)).toHaveLength(2);

    moving.clock.advance(60_000);
    moving.advance();
    expect(starting.Status).toBe('Running');
    expect(stopping.Status).toBe('Stopped');
  });

  it('records a run history that matches each status', () => {
    for (const instance of instances) {
      const [period, ...older] = instance.runningPeriods;
      expect(older).toEqual([]);
      expect(period!.from).toBe(instance.startedAt);
      expect(instance.startedAt).toBeGreaterThanOrEqual(instance.createdAt);
      const { bootedAt, stoppedAt } = instance.console;
      if (instance.Status === 'Running') {
        expect(period!.to).toBeUndefined();
        expect([bootedAt, stoppedAt]).toEqual([instance.startedAt, undefined]);
      } else if (instance.Status === 'Starting') {
        expect(period!.to).toBeGreaterThanOrEqual(period!.from);
        expect([bootedAt, stoppedAt]).toEqual([NOW - (NOW % 1000), undefined]);
      } else {
        expect(period!.to).toBeGreaterThanOrEqual(period!.from);
        expect([bootedAt, stoppedAt]).toEqual([instance.startedAt, period!.to]);
      }
      expect(instance.console.hostName).toBe(instance.HostName);
    }
  });

  it('renews subscriptions into the future and leaves pay-as-you-go without an expiry', () => {
    for (const instance of instances) {
      if (instance.InstanceChargeType === 'PrePaid') expect(instance.expiredAt).toBeGreaterThan(NOW);
      else expect(instance.expiredAt).toBeUndefined();
    }
    expect(instances.some((instance) => instance.InstanceChargeType === 'PrePaid')).toBe(true);
  });

  it('tags every instance with env, team and app, and some with a cost centre', () => {
    for (const instance of instances) {
      expect(['prod', 'staging', 'dev']).toContain(instance.tags.env);
      expect(['platform', 'payments', 'search', 'data']).toContain(instance.tags.team);
      expect(['web', 'api', 'db', 'cache', 'bastion', 'ad']).toContain(instance.tags.app);
      expect(instance.InstanceName).toContain(instance.tags.app);
    }
    expect(instances.some((instance) => instance.tags['cost-center'])).toBe(true);
    expect(instances.some((instance) => !instance.tags['cost-center'])).toBe(true);
  });

  it('gives some instances unique public IPs or EIPs', () => {
    const withIp = instances.filter((instance) => instance.PublicIpAddress);
    const withEip = instances.filter((instance) => instance.EipAddress);
    expect(withIp.length).toBeGreaterThan(0);
    expect(withEip.length).toBeGreaterThan(0);
    expect(withIp.every((instance) => instance.InternetMaxBandwidthOut > 0)).toBe(true);
    const addresses = [...withIp.map((i) => i.PublicIpAddress), ...withEip.map((i) => i.EipAddress)];
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const address of addresses) expect(address).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
  });

  it('spreads creation times over the past year', () => {
    for (const instance of instances) {
      expect(instance.createdAt).toBeLessThan(NOW);
      expect(instance.createdAt).toBeGreaterThan(NOW - YEAR);
      if (instance.startedAt !== undefined) expect(instance.startedAt).toBeGreaterThanOrEqual(instance.createdAt);
    }
    const ages = instances.map((instance) => NOW - instance.createdAt);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(YEAR / 4);
  });

  it('protects one instance against deletion and locks one for non-payment', () => {
    expect(instances.filter((instance) => instance.DeletionProtection).map((i) => i.InstanceName)).toEqual([
      'db-prod-01',
    ]);
    const locked = instances.filter((instance) => instance.lockReasons.length > 0);
    expect(locked).toHaveLength(1);
    expect(locked[0]!.lockReasons).toEqual(['financial']);
    expect(locked[0]!.Status).toBe('Stopped');
  });

  it('has in cn-hangzhou, whatever the seed, one instance of each kind ECS refuses an action on', () => {
    const home = [...store.regions.get('cn-hangzhou')!.instances.values()];
    expect(home.filter((i) => i.InstanceName === 'win-ad-01').map((i) => i.InstanceChargeType)).toEqual(['PrePaid']);
    expect(home.some((i) => i.DeletionProtection)).toBe(true);
    expect(home.some((i) => i.lockReasons.includes('financial') && i.Status === 'Stopped')).toBe(true);
  });

  it('gives every instance one system disk on /dev/xvda and data disks on distinct later devices', () => {
    for (const region of store.regions.values()) {
      for (const instance of region.instances.values()) {
        const attached = [...region.disks.values()].filter((disk) => disk.InstanceId === instance.InstanceId);
        const system = attached.filter((disk) => disk.Type === 'system');
        expect(system).toHaveLength(1);
        expect(system[0]!.Device).toBe('/dev/xvda');
        const devices = attached.filter((disk) => disk.Type === 'data').map((disk) => disk.Device);
        expect(new Set(devices).size).toBe(devices.length);
        for (const device of devices) expect(device).toMatch(/^\/dev\/xvd[b-z]$/);
        for (const disk of attached) {
          expect(disk.ZoneId).toBe(instance.ZoneId);
          expect(disk.Status).toBe('In_use');
        }
      }
    }
  });

  it('has data disks on many instances, kept or deleted with them, and a few unattached disks', () => {
    const data = disks.filter((disk) => disk.Type === 'data');
    const instancesWithData = new Set(data.map((disk) => disk.InstanceId).filter(Boolean));
    expect(instancesWithData.size).toBeGreaterThan(instances.length / 4);
    const attachedData = data.filter((disk) => disk.InstanceId);
    expect(attachedData.some((disk) => disk.DeleteWithInstance)).toBe(true);
    expect(attachedData.some((disk) => !disk.DeleteWithInstance)).toBe(true);
    const unattached = disks.filter((disk) => disk.Status === 'Available');
    expect(unattached.length).toBeGreaterThanOrEqual(3);
    for (const disk of unattached) {
      expect(disk.InstanceId).toBe('');
      expect(disk.Device).toBe('');
      expect(disk.Type).toBe('data');
    }
    expect(unattached.some((disk) => disk.everAttached)).toBe(true);
    expect(unattached.some((disk) => !disk.everAttached)).toBe(true);
  });

  it('has snapshots of system and data disks, user and auto, all accomplished but one slow one', () => {
    expect(new Set(snapshots.map((snapshot) => snapshot.SourceDiskType))).toEqual(new Set(['system', 'data']));
    expect(new Set(snapshots.map((snapshot) => snapshot.SnapshotType))).toEqual(new Set(['user', 'auto']));
    for (const region of store.regions.values()) {
      for (const snapshot of region.snapshots.values()) {
        // One large snapshot in cn-hangzhou is still progressing (estate-storage.test.ts).
        if (snapshot.Status !== 'progressing') expect(snapshot.Status).toBe('accomplished');
        const source = region.disks.get(snapshot.SourceDiskId)!;
        expect(source).toBeDefined();
        expect(snapshot.startedAt).toBeGreaterThanOrEqual(source.createdAt);
        expect(snapshot.startedAt).toBeLessThanOrEqual(NOW);
        if (snapshot.SnapshotType === 'auto') expect(snapshot.SnapshotName).toMatch(/^auto_\d{8}_1$/);
        else expect(snapshot.SnapshotName).not.toMatch(/^auto/);
      }
    }
  });

  it('has disks created from snapshots of the same region, attached and unattached', () => {
    for (const region of store.regions.values()) {
      for (const disk of region.disks.values()) {
        if (disk.SourceSnapshotId) expect(region.snapshots.has(disk.SourceSnapshotId)).toBe(true);
      }
    }
    const restored = disks.filter((disk) => disk.SourceSnapshotId);
    expect(new Set(restored.map((disk) => disk.Status))).toEqual(new Set(['In_use', 'Available']));
  });

  it('gives every VPC web, database and Windows groups with real-looking rules', () => {
    for (const region of store.regions.values()) {
      for (const vpc of region.vpcs) {
        // The scenario's groups come first; the home region adds its landmark groups after them.
        const groups = [...region.securityGroups.values()].filter((group) => group.VpcId === vpc.VpcId).slice(0, 3);
        expect(groups.map((group) => group.SecurityGroupName)).toEqual(['sg-web', 'sg-db', 'sg-windows']);
        const [web, db, windows] = groups as [(typeof groups)[0], (typeof groups)[0], (typeof groups)[0]];
        expect(web.rules).toContainEqual(
          expect.objectContaining({
            Direction: 'ingress',
            IpProtocol: 'TCP',
            PortRange: '443/443',
            SourceCidrIp: '0.0.0.0/0',
          }),
        );
        expect(web.rules).toContainEqual(
          expect.objectContaining({ Direction: 'ingress', IpProtocol: 'ICMP', PortRange: '-1/-1' }),
        );
        expect(web.rules).toContainEqual(
          expect.objectContaining({
            Direction: 'egress',
            IpProtocol: 'ALL',
            PortRange: '-1/-1',
            DestCidrIp: '0.0.0.0/0',
          }),
        );
        expect(db.rules).toContainEqual(
          expect.objectContaining({ PortRange: '3306/3306', SourceGroupId: web.SecurityGroupId, SourceCidrIp: '' }),
        );
        expect(db.rules).toContainEqual(
          expect.objectContaining({ Direction: 'ingress', Policy: 'Drop', Priority: '100' }),
        );
        expect(db.rules).toContainEqual(
          expect.objectContaining({
            Direction: 'egress',
            Policy: 'Accept',
            PortRange: '443/443',
            DestCidrIp: '100.100.0.0/16',
          }),
        );
        expect(windows.rules).toContainEqual(
          expect.objectContaining({ PortRange: '3389/3389', SourceCidrIp: '203.0.113.0/24' }),
        );
        for (const rule of groups.flatMap((group) => group.rules)) expect(rule.NicType).toBe('intranet');
      }
    }
  });

  it('puts every instance in one to three existing groups of its own VPC', () => {
    for (const region of store.regions.values()) {
      for (const instance of region.instances.values()) {
        expect(instance.SecurityGroupIds.length).toBeGreaterThanOrEqual(1);
        expect(instance.SecurityGroupIds.length).toBeLessThanOrEqual(3);
        for (const groupId of instance.SecurityGroupIds) {
          expect(region.securityGroups.get(groupId)?.VpcId).toBe(instance.VpcId);
        }
      }
    }
  });

  it('indexes every resource under its region', () => {
    for (const [regionId, region] of store.regions) {
      for (const map of [region.instances, region.disks, region.snapshots, region.securityGroups]) {
        for (const id of map.keys()) expect(store.regionOf(id)?.region.RegionId).toBe(regionId);
      }
    }
  });
});

describe('a fleet', () => {
  it('has exactly the asked number of instances, only in the fleet region, each with a system disk', () => {
    const store = estate({ instances: 2000 });
    expect(store.regions.size).toBe(REGION_CATALOG.length);
    const hangzhou = store.region('cn-hangzhou')!;
    expect(hangzhou.instances.size).toBe(2000);
    expect(hangzhou.disks.size).toBe(2000);
    expect([...hangzhou.disks.values()].every((disk) => disk.Type === 'system')).toBe(true);
    for (const [regionId, region] of store.regions) {
      expect(region.securityGroups.size).toBe(3 * region.vpcs.length);
      if (regionId !== 'cn-hangzhou') expect(region.instances.size + region.disks.size).toBe(0);
      expect(region.snapshots.size).toBe(0);
    }
    const instances = [...hangzhou.instances.values()];
    expect(new Set(instances.map((instance) => instance.InstanceName)).size).toBe(2000);
    expect(instances[0]!.InstanceName).toMatch(/-0001$/);
    expect(new Set(instances.map((instance) => instance.Status))).toEqual(new Set(['Running', 'Stopped']));
    expect(new Set(instances.map((instance) => instance.tags.env))).toEqual(new Set(['prod', 'staging', 'dev']));
    expect(new Set(instances.map((instance) => instance.OSType))).toEqual(new Set(['linux', 'windows']));
    for (const instance of instances) {
      expect(instance.SecurityGroupIds.every((id) => hangzhou.securityGroups.get(id)?.VpcId === instance.VpcId)).toBe(
        true,
      );
    }
  });

  it('goes to the region asked for', () => {
    const store = estate({ instances: 25, fleetRegion: 'eu-central-1' });
    expect(store.region('eu-central-1')!.instances.size).toBe(25);
    expect(store.region('cn-hangzhou')!.instances.size).toBe(0);
  });

  it('may be empty', () => {
    const store = estate({ instances: 0 });
    expect(instancesOf(store)).toHaveLength(0);
    expect(store.regions.size).toBe(REGION_CATALOG.length);
  });

  it('rejects a bad size or an unknown region', () => {
    expect(() => estate({ instances: -1 })).toThrow(RangeError);
    expect(() => estate({ instances: 1.5 })).toThrow(RangeError);
    expect(() => estate({ instances: 5, fleetRegion: 'mars-north-1' })).toThrow(/unknown fleet region mars-north-1/);
  });
});
