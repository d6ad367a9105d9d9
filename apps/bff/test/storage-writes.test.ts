import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnswer, DiskListAnswer, FleetAnswer } from '@ecs-console/contract';
import { storageEntries } from '../src/registry/storage.js';
import { signedInBrowser, type ApiResponse, type Browser } from './support/console-harness.js';
import { FLEET_REGION, firstRunning, startFleetBed, type FleetBed } from './support/fleet-bed.js';

const WRITES = Object.entries(storageEntries)
  .filter(([, entry]) => entry.access === 'write')
  .map(([action]) => action);

/** Well-formed parameters for every storage write (the role is checked before them, but they must not be why). */
const SOME_PARAMS: Record<string, Record<string, unknown>> = {
  CreateDisk: { RegionId: FLEET_REGION, ZoneId: 'cn-hangzhou-h', DiskCategory: 'cloud_essd', Size: 40 },
  AttachDisk: { RegionId: FLEET_REGION, InstanceId: 'i-someinstance', DiskId: 'd-somedisk0' },
  DetachDisk: { RegionId: FLEET_REGION, InstanceId: 'i-someinstance', DiskId: 'd-somedisk0' },
  ResizeDisk: { RegionId: FLEET_REGION, DiskId: 'd-somedisk0', NewSize: 100, Type: 'offline' },
  DeleteDisk: { RegionId: FLEET_REGION, DiskId: 'd-somedisk0' },
  ModifyDiskAttribute: { RegionId: FLEET_REGION, DiskId: 'd-somedisk0', DiskName: 'renamed' },
  ResetDisk: { RegionId: FLEET_REGION, DiskId: 'd-somedisk0', SnapshotId: 's-somesnapshot' },
  ReInitDisk: { RegionId: FLEET_REGION, DiskId: 'd-somedisk0' },
  CreateSnapshot: { RegionId: FLEET_REGION, DiskId: 'd-nosuchdisk00', RetentionDays: 7 },
  DeleteSnapshot: { RegionId: FLEET_REGION, SnapshotId: 's-somesnapshot', Force: true },
};

let bed: FleetBed;
let operator: Browser;
let viewer: Browser;
beforeAll(async () => {
  bed = await startFleetBed(4);
  await bed.app.users.create('olga', 'operator-password-1', 'operator');
  await bed.app.users.create('vic', 'viewer-password-1', 'viewer');
  operator = await signedInBrowser(bed.app.url, 'olga', 'operator-password-1');
  viewer = await signedInBrowser(bed.app.url, 'vic', 'viewer-password-1');
}, 60_000);
afterAll(() => bed.close());

const calls = (action: string) => bed.emulator.control.status().requestsByAction[action] ?? 0;

describe('storage writes through /api/ecs', { timeout: 60_000 }, () => {
  it('knows every write the console sends', () => {
    expect(WRITES.sort()).toEqual(Object.keys(SOME_PARAMS).sort());
  });

  it.each([
    [
      'CreateDisk',
      {
        ZoneId: 'cn-hangzhou-h',
        DiskCategory: 'cloud_essd',
        PerformanceLevel: 'PL1',
        Size: 100,
        SnapshotId: 's-fromsnapshot1',
        Encrypted: true,
        DiskName: 'data-1',
        Description: 'logs',
        Tag: [{ Key: 'env', Value: 'prod' }],
        ClientToken: 'a-client-token',
      },
    ],
    ['AttachDisk', { InstanceId: 'i-someinstance', DiskId: 'd-somedisk0', DeleteWithInstance: true }],
    ['ResizeDisk', { DiskId: 'd-somedisk0', NewSize: 200, Type: 'online' }],
    [
      'ModifyDiskAttribute',
      {
        DiskId: 'd-somedisk0',
        DiskName: 'n',
        Description: 'd',
        DeleteWithInstance: false,
        DeleteAutoSnapshot: true,
        EnableAutoSnapshot: true,
      },
    ],
    ['ResetDisk', { DiskId: 'd-somedisk0', SnapshotId: 's-somesnapshot' }],
    ['ReInitDisk', { DiskId: 'd-somedisk0', AutoStartInstance: true }],
    ['CreateSnapshot', { DiskId: 'd-somedisk0', SnapshotName: 'before-upgrade', Description: 'd', RetentionDays: 30 }],
    ['DeleteSnapshot', { SnapshotId: 's-somesnapshot', Force: true }],
  ])('the registry accepts what the console sends for %s', (action, params) => {
    const parsed = storageEntries[action]!.schema.safeParse({ RegionId: FLEET_REGION, ...params });
    expect(parsed.error).toBeUndefined();
  });

  it.each(WRITES)('a viewer gets 403 Forbidden for %s, and ECS never sees it', async (action) => {
    const before = calls(action);
    const answer = await viewer.post(`/api/ecs/${action}`, SOME_PARAMS[action]);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('Forbidden');
    expect(calls(action)).toBe(before);
  });

  it.each(WRITES.filter((action) => action !== 'CreateSnapshot'))(
    'an operator gets 403 Forbidden for %s',
    async (action) => {
      const before = calls(action);
      const answer = await operator.post(`/api/ecs/${action}`, SOME_PARAMS[action]);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('Forbidden');
      expect(calls(action)).toBe(before);
    },
  );

  it('an operator may create a snapshot (ECS is asked and answers)', async () => {
    const before = calls('CreateSnapshot');
    const answer = await operator.post('/api/ecs/CreateSnapshot', SOME_PARAMS.CreateSnapshot);
    expect(answer.status).not.toBe(403);
    expect(answer.body.code).toBe('InvalidDiskId.NotFound');
    expect(calls('CreateSnapshot')).toBe(before + 1);
  });

  it('every storage write an admin makes is audited with its outcome and ECS RequestId, failures included', async () => {
    const instances = (await bed.admin.get(`/api/regions/${FLEET_REGION}/instances`)).body as unknown as FleetAnswer;
    const instance = firstRunning(instances);
    const made: { action: string; answer: ApiResponse }[] = [];
    const write = async (action: string, params: Record<string, unknown>) => {
      const answer = await bed.admin.post(`/api/ecs/${action}`, { RegionId: FLEET_REGION, ...params });
      made.push({ action, answer });
      return answer;
    };
    /** Lets the emulator's transitions (Creating, Attaching, snapshots) finish. */
    const settle = () => bed.emulator.control.advanceClock(3600_000);

    const created = await write('CreateDisk', {
      ZoneId: instance.ZoneId,
      DiskCategory: 'cloud_essd',
      PerformanceLevel: 'PL0',
      Size: 40,
      DiskName: 'audited-disk',
      Description: 'made by the audit test',
      Encrypted: false,
      Tag: [{ Key: 'team', Value: 'storage' }],
      ClientToken: 'audit-test-create-disk',
    });
    expect(created.status).toBe(200);
    const diskId = created.body.DiskId as string;
    settle();
    await write('AttachDisk', { InstanceId: instance.InstanceId, DiskId: diskId, DeleteWithInstance: true });
    settle();
    await write('ModifyDiskAttribute', { DiskId: diskId, DiskName: 'audited-renamed', DeleteAutoSnapshot: true });
    const snapshot = await write('CreateSnapshot', { DiskId: diskId, SnapshotName: 'audited-snap', RetentionDays: 3 });
    settle();
    await write('ResizeDisk', { DiskId: diskId, NewSize: 60, Type: 'online' });
    // The instance is running: ECS refuses both, and the refusals are audited too.
    const reset = await write('ResetDisk', { DiskId: diskId, SnapshotId: snapshot.body.SnapshotId });
    expect(reset.status).toBeGreaterThanOrEqual(400);
    await write('ReInitDisk', { DiskId: diskId });
    await write('DetachDisk', { InstanceId: instance.InstanceId, DiskId: diskId });
    settle();
    await write('DeleteSnapshot', { SnapshotId: snapshot.body.SnapshotId, Force: true });
    await write('DeleteDisk', { DiskId: diskId });
    expect(new Set(made.map((call) => call.action))).toEqual(new Set(WRITES));

    const audit = (await bed.admin.get('/api/audit?limit=500')).body as unknown as AuditAnswer;
    for (const { action, answer } of made) {
      const requestId = answer.status === 200 ? answer.body.RequestId : answer.body.requestId;
      expect(requestId, `${action} answered ${answer.text}`).toEqual(expect.any(String));
      const entry = audit.entries.find((candidate) => candidate.requestId === requestId);
      expect(entry, `${action} is audited`).toMatchObject({
        event: 'action',
        action,
        user: 'admin',
        regionId: FLEET_REGION,
        outcome: answer.status === 200 ? 'success' : 'failure',
      });
      if (answer.status !== 200) expect(entry?.code).toBe(answer.body.code);
    }
    expect(made.some(({ answer }) => answer.status !== 200)).toBe(true);
    // What a create made is among its entry's resources: "who made d-…" is answered by the log itself.
    const createdBy = (action: string) => audit.entries.find((candidate) => candidate.action === action)?.resourceIds;
    expect(createdBy('CreateDisk')).toContain(diskId);
    expect(createdBy('CreateSnapshot')).toContain(snapshot.body.SnapshotId);

    // The shared disk listing no longer has the deleted disk.
    const disks = (await bed.admin.get(`/api/regions/${FLEET_REGION}/disks`)).body as unknown as DiskListAnswer;
    expect(disks.disks.some((disk) => disk.DiskId === diskId)).toBe(false);
  });
});
