import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Instance } from '@ecs-console/ecs-client';
import { INSTANCE_SUMMARY_FIELDS, type FleetAnswer, type InstanceSummary } from '@ecs-console/contract';
import { encodedBody } from '../src/fleet/encoded-body.js';
import { chunkOf, Listing, listingEntry } from '../src/fleet/listing.js';
import { summarise } from '../src/fleet/summarise.js';

const instance = (n: number, status = 'Running') =>
  ({ InstanceId: `i-test${String(n).padStart(6, '0')}`, InstanceName: `web-${n}`, Status: status }) as InstanceSummary;
const snapshotEntry = (summary: InstanceSummary) => listingEntry(summary.InstanceId, summary);

/** Pages of `size` instances numbered from 1. */
function snapshotOf(pages: number, size: number): Listing {
  const chunks = Array.from({ length: pages }, (_, page) =>
    chunkOf(Array.from({ length: size }, (_, n) => snapshotEntry(instance(page * size + n + 1)))),
  );
  return new Listing('cn-hangzhou', 'instances', chunks, '2026-11-30T12:00:00.000Z');
}

const answerOf = (snapshot: Listing) => JSON.parse(snapshot.body().toString()) as FleetAnswer;

describe('summarise', () => {
  it('keeps exactly the summary fields, in their order, and leaves out absent ones', () => {
    const full = Object.fromEntries(
      [...INSTANCE_SUMMARY_FIELDS, 'NetworkInterfaces', 'MetadataOptions'].map((field) => [field, `${field}-value`]),
    ) as unknown as Instance;
    expect(Object.keys(JSON.parse(JSON.stringify(summarise(full))) as object)).toEqual([...INSTANCE_SUMMARY_FIELDS]);
    const sparse = { InstanceId: 'i-1', Status: 'Running' } as Instance;
    expect(JSON.parse(JSON.stringify(summarise(sparse)))).toEqual({ InstanceId: 'i-1', Status: 'Running' });
  });
});

describe('Listing', () => {
  it('answers every instance in order with its count, pages and version', () => {
    const snapshot = snapshotOf(3, 100);
    const answer = answerOf(snapshot);
    expect(answer.instances.map((item) => item.InstanceId)).toEqual(
      Array.from({ length: 300 }, (_, n) => instance(n + 1).InstanceId),
    );
    expect(answer).toMatchObject({ regionId: 'cn-hangzhou', totalCount: 300, pages: 3, version: snapshot.version });
    expect(snapshot.etag).toBe(`"${snapshot.version}"`);
    expect(snapshot.body()).toBe(snapshot.body());
  });

  it('has the same version for the same instances and another for any change', () => {
    expect(snapshotOf(2, 10).version).toBe(snapshotOf(2, 10).version);
    expect(snapshotOf(2, 10).version).not.toBe(snapshotOf(2, 9).version);
  });

  it('patches only the chunks it touches: replaced, vanished and new instances', () => {
    const snapshot = snapshotOf(3, 100);
    const stopping = snapshotEntry(instance(150, 'Stopping'));
    const newcomer = snapshotEntry(instance(999));
    const patched = snapshot.patched([stopping, newcomer], [stopping.id, instance(250).InstanceId, newcomer.id]);
    expect(patched.chunks[0]).toBe(snapshot.chunks[0]);
    expect(patched.chunks[1]).not.toBe(snapshot.chunks[1]);

    const answer = answerOf(patched);
    expect(answer.totalCount).toBe(300);
    expect(answer.instances.find((item) => item.InstanceId === stopping.id)?.Status).toBe('Stopping');
    expect(answer.instances.some((item) => item.InstanceId === instance(250).InstanceId)).toBe(false);
    expect(answer.instances.at(-1)?.InstanceId).toBe(newcomer.id);
    expect(patched.version).not.toBe(snapshot.version);
  });

  it('is itself when what was learnt changes nothing', () => {
    const snapshot = snapshotOf(2, 100);
    const same = snapshotEntry(instance(42));
    expect(snapshot.patched([same], [same.id, 'i-unknown000'])).toBe(snapshot);
  });
});

describe('encodedBody', () => {
  it('compresses a listing once per encoding, decoding to its answer, and a patched listing anew', async () => {
    const snapshot = snapshotOf(3, 100);
    const br = encodedBody(snapshot, 'br');
    expect(encodedBody(snapshot, 'br')).toBe(br);
    expect(brotliDecompressSync(await br)).toEqual(snapshot.body());
    expect(gunzipSync(await encodedBody(snapshot, 'gzip'))).toEqual(snapshot.body());

    const patched = snapshot.patched([snapshotEntry(instance(1, 'Stopping'))], ['i-test000001']);
    expect(encodedBody(patched, 'br')).not.toBe(br);
    expect(JSON.parse(brotliDecompressSync(await encodedBody(patched, 'br')).toString()) as FleetAnswer).toEqual(
      answerOf(patched),
    );
  });
});
