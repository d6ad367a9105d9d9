import { describe, expect, it } from 'vitest';
import { jsonBytes, withJsonBytes } from '../src/protocol/pre-serialized.js';
import { serializeSuccess } from '../src/protocol/serialize.js';
import { testBed } from './support/test-bed.js';

interface ListedInstance {
  InstanceId: string;
  InstanceName: string;
  Status: string;
  Tags: { Tag: { TagKey: string; TagValue: string }[] };
  OperationLocks: { LockReason: { LockReason: string }[] };
  SecurityGroupIds: { SecurityGroupId: string[] };
}

describe('DescribeInstances views of instances', () => {
  it('show every change to a record, whoever made it, and keep unchanged views', () => {
    const bed = testBed();
    const instance = bed.instance({ InstanceName: 'before' });
    const listed = () =>
      (bed.call('DescribeInstances', { RegionId: bed.regionId }) as { Instances: { Instance: ListedInstance[] } })
        .Instances.Instance[0]!;
    const first = listed();
    expect(listed()).toBe(first);

    bed.call('ModifyInstanceAttribute', { InstanceId: instance.InstanceId, InstanceName: 'after' });
    expect(listed().InstanceName).toBe('after');
    bed.call('StopInstance', { InstanceId: instance.InstanceId });
    expect(listed().Status).toBe('Stopping');
    bed.advance(60_000);
    expect(listed().Status).toBe('Stopped');
    // Changes made straight to the record count too: tags, locks and groups are arrays and maps.
    instance.tags.team = 'platform';
    expect(listed().Tags.Tag).toContainEqual({ TagKey: 'team', TagValue: 'platform' });
    instance.tags.team = 'data';
    expect(listed().Tags.Tag).toContainEqual({ TagKey: 'team', TagValue: 'data' });
    delete instance.tags.team;
    expect(listed().Tags.Tag).not.toContainEqual(expect.objectContaining({ TagKey: 'team' }));
    instance.lockReasons.push('security');
    expect(listed().OperationLocks.LockReason).toEqual([{ LockReason: 'security' }]);
    instance.SecurityGroupIds = ['sg-a', 'sg-b'];
    expect(listed().SecurityGroupIds.SecurityGroupId).toEqual(['sg-a', 'sg-b']);
    instance.SecurityGroupIds[1] = 'sg-c';
    expect(listed().SecurityGroupIds.SecurityGroupId).toEqual(['sg-a', 'sg-c']);
  });

  it('serialise to the same JSON as the objects they show', () => {
    const bed = testBed();
    for (let i = 0; i < 3; i++) bed.instance({ InstanceName: `web-${i}`, tags: { ünïcødé: '值' } });
    const body = bed.call('DescribeInstances', { RegionId: bed.regionId });
    const answer = serializeSuccess('DescribeInstances', 'REQ', body, 'JSON');
    expect(Buffer.from(answer.body).toString('utf8')).toBe(
      JSON.stringify({ RequestId: 'REQ', ...JSON.parse(JSON.stringify(body)) }),
    );
    // XML reads the plain objects.
    const xml = serializeSuccess('DescribeInstances', 'REQ', body, 'XML').body.toString();
    expect(xml).toContain('<InstanceName>web-2</InstanceName>');
  });
});

describe('jsonBytes', () => {
  it('is JSON.stringify for plain data, with pre-serialised parts copied in', () => {
    const values: unknown[] = [
      { a: 1, b: undefined, c: [1, undefined, () => 0, 'x'], d: { e: null, f: new Date(0) }, g: 'é"\n' },
      [],
      'text',
      42,
      null,
      { nested: { list: [withJsonBytes({ id: 1 }), { id: 2 }, withJsonBytes({ id: 3, s: '☃' })] } },
    ];
    for (const value of values) expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
  });
});
