import { describe, expect, it } from 'vitest';
import { DISK_SUMMARY_FIELDS, INSTANCE_SUMMARY_FIELDS, SNAPSHOT_SUMMARY_FIELDS } from '@ecs-console/contract';
import { DISK_LIST, INSTANCE_LIST, SNAPSHOT_LIST, type ListingCalls, type RegionListKind } from '../src/fleet/kinds.js';

/** A Describe page whose one item has every summary field and two that the summary leaves out. */
function pageWith(kind: RegionListKind, fields: readonly string[]): unknown {
  const item = Object.fromEntries([...fields, 'SerialNumber', 'Attachments'].map((field) => [field, `${field}-value`]));
  const list = { instances: ['Instances', 'Instance'], disks: ['Disks', 'Disk'], snapshots: ['Snapshots', 'Snapshot'] }[
    kind.path
  ]!;
  return { RequestId: 'r-1', TotalCount: 1, [list[0]!]: { [list[1]!]: [item] } };
}

/** These kinds summarise a page alone: any further ECS call is a mistake. */
const noCalls = {
  regionId: 'cn-hangzhou',
  call: (() => Promise.reject(new Error('no ECS call expected'))) as ListingCalls['call'],
};

describe.each([
  { key: INSTANCE_LIST.path, kind: INSTANCE_LIST, fields: INSTANCE_SUMMARY_FIELDS, idField: 'InstanceId' },
  { key: DISK_LIST.path, kind: DISK_LIST, fields: DISK_SUMMARY_FIELDS, idField: 'DiskId' },
  { key: SNAPSHOT_LIST.path, kind: SNAPSHOT_LIST, fields: SNAPSHOT_SUMMARY_FIELDS, idField: 'SnapshotId' },
])('the $key listing kind', ({ kind, fields, idField }) => {
  it('serialises exactly the contract summary fields, in their order, under the item ID', async () => {
    const [entry] = (await kind.chunksOf(pageWith(kind, fields), noCalls)).flatMap((chunk) => chunk.entries);
    expect(Object.keys(JSON.parse(entry!.json) as object)).toEqual([...fields]);
    expect(entry!.id).toBe(`${idField}-value`);
  });

  it('leaves out what ECS left out', async () => {
    const sparse = pageWith(kind, [idField, 'Status']);
    expect(JSON.parse((await kind.chunksOf(sparse, noCalls))[0]!.entries[0]!.json)).toEqual({
      [idField]: `${idField}-value`,
      Status: 'Status-value',
    });
  });
});
