import { beforeEach, describe, expect, it } from 'vitest';
import { createDisk, createInstance, createSecurityGroup, createSnapshot } from '../src/store/factories.js';
import type { InstanceRecord } from '../src/store/types.js';
import { expectApiError, testBed, type TestBed } from './support/test-bed.js';

interface TagResourceView {
  ResourceId: string;
  ResourceType: string;
  TagKey: string;
  TagValue: string;
}

let bed: TestBed;
let web: InstanceRecord;
let db: InstanceRecord;
beforeEach(() => {
  bed = testBed();
  web = createInstance(bed.store, bed.region);
  db = createInstance(bed.store, bed.region);
});

function target(params: Record<string, string>, type = 'instance'): Record<string, string> {
  return { RegionId: bed.regionId, ResourceType: type, ...params };
}

function tag(params: Record<string, string>, type?: string) {
  return bed.call('TagResources', target(params, type));
}

function untag(params: Record<string, string>, type?: string) {
  return bed.call('UntagResources', target(params, type));
}

function list(params: Record<string, string>, type?: string) {
  return bed.call('ListTagResources', target(params, type)) as {
    NextToken: string;
    TagResources: { TagResource: TagResourceView[] };
  };
}

function tagsParams(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags).flatMap(([key, value], i) => [
      [`Tag.${i + 1}.Key`, key],
      [`Tag.${i + 1}.Value`, value],
    ]),
  );
}

describe('TagResources', () => {
  it('adds and overwrites tags on every named resource', () => {
    expect(
      tag({ 'ResourceId.1': web.InstanceId, 'ResourceId.2': db.InstanceId, ...tagsParams({ env: 'prod', team: '' }) }),
    ).toEqual({});
    tag({ 'ResourceId.1': web.InstanceId, ...tagsParams({ env: 'dev' }) });
    expect(web.tags).toEqual({ env: 'dev', team: '' });
    expect(db.tags).toEqual({ env: 'prod', team: '' });
  });

  it('tags disks, snapshots and security groups, with ResourceType in any case', () => {
    const disk = createDisk(bed.store, bed.region);
    const snapshot = createSnapshot(bed.store, bed.region, disk);
    const group = createSecurityGroup(bed.store, bed.region);
    tag({ 'ResourceId.1': disk.DiskId, ...tagsParams({ a: '1' }) }, 'disk');
    tag({ 'ResourceId.1': snapshot.SnapshotId, ...tagsParams({ b: '2' }) }, 'Snapshot');
    tag({ 'ResourceId.1': group.SecurityGroupId, ...tagsParams({ c: '3' }) }, 'SECURITYGROUP');
    expect([disk.tags, snapshot.tags, group.tags]).toEqual([{ a: '1' }, { b: '2' }, { c: '3' }]);
  });

  it('checks the tag rules', () => {
    const one = { 'ResourceId.1': web.InstanceId };
    for (const key of ['aliyun:x', 'acs:x', 'http://x', 'k'.repeat(129)]) {
      expectApiError(() => tag({ ...one, 'Tag.1.Key': key, 'Tag.1.Value': 'v' }), 400, 'InvalidTagKey.Malformed');
    }
    expectApiError(
      () => tag({ ...one, 'Tag.1.Key': 'k', 'Tag.1.Value': 'v'.repeat(129) }),
      400,
      'InvalidTagValue.Malformed',
    );
    expectApiError(
      () => tag({ ...one, 'Tag.1.Key': 'k', 'Tag.1.Value': 'a', 'Tag.2.Key': 'k', 'Tag.2.Value': 'b' }),
      400,
      'Duplicate.TagKey',
    );
    expectApiError(() => tag(one), 404, 'MissingParameter.Tags');
    const many = tagsParams(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])));
    expectApiError(() => tag({ ...one, ...many }), 400, 'NumberExceed.Tags');
    expect(web.tags).toEqual({});
  });

  it('checks the resources', () => {
    const tags = tagsParams({ env: 'prod' });
    expectApiError(() => tag(tags), 400, 'MissingParameter');
    const ids = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`ResourceId.${i + 1}`, `i-${i}`]));
    expectApiError(() => tag({ ...ids, ...tags }), 400, 'NumberExceed.ResourceIds');
    expectApiError(
      () => tag({ 'ResourceId.1': web.InstanceId, 'ResourceId.2': 'i-nowhere', ...tags }),
      404,
      'InvalidResourceId.NotFound',
    );
    expect(web.tags).toEqual({});
    expectApiError(() => tag({ 'ResourceId.1': web.InstanceId, ...tags }, 'disk'), 404, 'InvalidResourceId.NotFound');
    expectApiError(
      () => tag({ 'ResourceId.1': web.InstanceId, ...tags }, 'image'),
      404,
      'InvalidResourceType.NotFound',
    );
  });

  it('reports a missing RegionId or ResourceType as 404 and an unknown region', () => {
    const params = { 'ResourceId.1': web.InstanceId, ...tagsParams({ env: 'prod' }) };
    expectApiError(
      () => bed.call('TagResources', { ResourceType: 'instance', ...params }),
      404,
      'MissingParameter.RegionId',
    );
    expectApiError(
      () => bed.call('TagResources', { RegionId: bed.regionId, ...params }),
      404,
      'MissingParameter.ResourceType',
    );
    expectApiError(
      () => bed.call('TagResources', { RegionId: 'mars-1', ResourceType: 'instance', ...params }),
      404,
      'InvalidRegionId.NotFound',
    );
  });

  it('allows at most 20 tags per resource, counting overwritten keys once', () => {
    web.tags = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v']));
    tag({ 'ResourceId.1': web.InstanceId, ...tagsParams({ k0: 'new', last: 'v' }) });
    expect(Object.keys(web.tags)).toHaveLength(20);
    expectApiError(
      () => tag({ 'ResourceId.1': db.InstanceId, 'ResourceId.2': web.InstanceId, ...tagsParams({ more: 'v' }) }),
      403,
      'QuotaExceed.Tags',
    );
    expect(db.tags).toEqual({});
  });
});

describe('UntagResources', () => {
  beforeEach(() => {
    web.tags = { env: 'prod', team: 'a', tier: 'web' };
    db.tags = { env: 'prod', team: 'b' };
  });

  it('removes the named keys, ignoring keys a resource does not have', () => {
    expect(
      untag({ 'ResourceId.1': web.InstanceId, 'ResourceId.2': db.InstanceId, 'TagKey.1': 'team', 'TagKey.2': 'tier' }),
    ).toEqual({});
    expect(web.tags).toEqual({ env: 'prod' });
    expect(db.tags).toEqual({ env: 'prod' });
  });

  it('removes every tag with All=true, and nothing without keys or All', () => {
    untag({ 'ResourceId.1': web.InstanceId });
    expect(web.tags).toEqual({ env: 'prod', team: 'a', tier: 'web' });
    untag({ 'ResourceId.1': web.InstanceId, All: 'true' });
    expect(web.tags).toEqual({});
    untag({ 'ResourceId.1': db.InstanceId, All: 'true', 'TagKey.1': 'team' });
    expect(db.tags).toEqual({ env: 'prod' });
  });

  it('checks keys and resources', () => {
    const keys = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`TagKey.${i + 1}`, `k${i}`]));
    expectApiError(() => untag({ 'ResourceId.1': web.InstanceId, ...keys }), 400, 'NumberExceed.Tags');
    expectApiError(() => untag({ 'ResourceId.1': 'i-nowhere', 'TagKey.1': 'env' }), 404, 'InvalidResourceId.NotFound');
    expectApiError(() => untag({ 'TagKey.1': 'env' }), 400, 'MissingParameter');
    expectApiError(
      () => untag({ 'ResourceId.1': web.InstanceId, 'TagKey.1': 'env' }, 'eni'),
      404,
      'InvalidResourceType.NotFound',
    );
  });
});

describe('ListTagResources', () => {
  beforeEach(() => {
    web.tags = { env: 'prod', team: 'web' };
    db.tags = { env: 'dev', owner: 'dba' };
  });

  it('lists every tag of the named resources', () => {
    expect(list({ 'ResourceId.1': db.InstanceId, 'ResourceId.2': 'i-nowhere' })).toEqual({
      NextToken: '',
      TagResources: {
        TagResource: [
          { ResourceId: db.InstanceId, ResourceType: 'instance', TagKey: 'env', TagValue: 'dev' },
          { ResourceId: db.InstanceId, ResourceType: 'instance', TagKey: 'owner', TagValue: 'dba' },
        ],
      },
    });
  });

  it('finds resources by exact tags, alone or with IDs', () => {
    const ids = (params: Record<string, string>) => [
      ...new Set(list(params).TagResources.TagResource.map((t) => t.ResourceId)),
    ];
    expect(ids({ 'Tag.1.Key': 'env' })).toEqual([web.InstanceId, db.InstanceId]);
    expect(ids({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' })).toEqual([db.InstanceId]);
    expect(ids({ 'Tag.1.Key': 'env', 'Tag.2.Key': 'team' })).toEqual([web.InstanceId]);
    expect(ids({ 'Tag.1.Key': 'env', 'ResourceId.1': web.InstanceId })).toEqual([web.InstanceId]);
    expect(ids({ 'Tag.1.Key': 'env', 'Tag.1.Value': '' })).toEqual([]);
  });

  it('finds resources by TagFilter patterns', () => {
    const ids = (params: Record<string, string>) => [
      ...new Set(list(params).TagResources.TagResource.map((t) => t.ResourceId)),
    ];
    expect(ids({ 'TagFilter.1.TagKey': 'own*' })).toEqual([db.InstanceId]);
    expect(ids({ 'TagFilter.1.TagKey': '*e*' })).toEqual([web.InstanceId, db.InstanceId]);
    expect(ids({ 'TagFilter.1.TagKey': 'env', 'TagFilter.1.TagValues.1': 'pr*' })).toEqual([web.InstanceId]);
    expect(
      ids({ 'TagFilter.1.TagKey': 'env', 'TagFilter.1.TagValues.1': 'prod', 'TagFilter.1.TagValues.2': 'dev' }),
    ).toEqual([web.InstanceId, db.InstanceId]);
    expect(ids({ 'TagFilter.1.TagKey': 'env', 'TagFilter.2.TagKey': 'team' })).toEqual([web.InstanceId]);
  });

  it('checks its filters', () => {
    expectApiError(() => list({}), 400, 'MissingParameter');
    expectApiError(() => list({ 'Tag.1.Value': 'prod' }), 400, 'InvalidParameter.TagValue');
    expectApiError(() => list({ 'Tag.1.Key': 'env', 'TagFilter.1.TagKey': 'env' }), 400, 'InvalidParameter');
    const filters = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`TagFilter.${i + 1}.TagKey`, `k${i}`]));
    expectApiError(() => list(filters), 400, 'InvalidParameter');
    const values = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`TagFilter.1.TagValues.${i + 1}`, `v${i}`]));
    expectApiError(() => list({ 'TagFilter.1.TagKey': 'env', ...values }), 400, 'InvalidParameter');
    expectApiError(() => list({ 'TagFilter.1.TagValues.1': 'prod' }), 400, 'MissingParameter');
    const ids = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`ResourceId.${i + 1}`, `i-${i}`]));
    expectApiError(() => list(ids), 400, 'NumberExceed.ResourceIds');
    expectApiError(() => list({ 'Tag.1.Key': 'env' }, 'ddh'), 404, 'InvalidResourceType.NotFound');
  });

  it('pages 50 entries at a time by NextToken', () => {
    const instances = Array.from({ length: 30 }, () =>
      createInstance(bed.store, bed.region, { tags: { a: '1', b: '2', c: '3' } }),
    );
    const seen: TagResourceView[] = [];
    const pages: number[] = [];
    let token = '';
    do {
      const body = list({ 'Tag.1.Key': 'a', ...(token ? { NextToken: token } : {}) });
      pages.push(body.TagResources.TagResource.length);
      seen.push(...body.TagResources.TagResource);
      token = body.NextToken;
    } while (token);
    expect(pages).toEqual([50, 40]);
    expect(seen.map((t) => `${t.ResourceId}:${t.TagKey}`)).toEqual(
      instances.flatMap((instance) => ['a', 'b', 'c'].map((key) => `${instance.InstanceId}:${key}`)),
    );
  });
});
