import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED, waitForState, waitUntil, type EcsClient, type EcsError, type PollObservation } from '../src/index.js';
import { json, TestServer } from './support/test-server.js';
import { testClient } from './support/client.js';

let server: TestServer;
let client: EcsClient;

beforeAll(async () => {
  server = await TestServer.start();
  client = testClient(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

/** Each Describe* call returns the next state of the script (the last one repeats). */
function scriptStates(list: 'Instances' | 'Disks' | 'Snapshots', states: (string | undefined)[]) {
  const item = { Instances: 'Instance', Disks: 'Disk', Snapshots: 'Snapshot' }[list];
  const idKey = { Instances: 'InstanceId', Disks: 'DiskId', Snapshots: 'SnapshotId' }[list];
  const idsParam = { Instances: 'InstanceIds', Disks: 'DiskIds', Snapshots: 'SnapshotIds' }[list];
  let call = 0;
  server.handler = (request, response) => {
    const state = states[Math.min(call++, states.length - 1)];
    const [id] = JSON.parse(request.params[idsParam] ?? '[]') as string[];
    const items = state === undefined ? [] : [{ [idKey]: id, Status: state }];
    json(response, 200, { RequestId: 'R', TotalCount: items.length, [list]: { [item]: items } });
  };
}

const fast = { minDelayMs: 1, maxDelayMs: 5 };

describe('waitForState', () => {
  it('polls an instance until it reaches the state, reporting each observation', async () => {
    scriptStates('Instances', ['Running', 'Stopping', 'Stopping', 'Stopped']);
    const seen: PollObservation[] = [];
    const instance = await waitForState(client, {
      resource: 'instance',
      regionId: 'cn-hangzhou',
      id: 'i-1',
      state: 'Stopped',
      ...fast,
      onPoll: (o) => seen.push(o),
    });
    expect(instance?.Status).toBe('Stopped');
    expect(seen.map((o) => o.state)).toEqual(['Running', 'Stopping', 'Stopping', 'Stopped']);
  });

  it('fails fast when a snapshot fails', async () => {
    scriptStates('Snapshots', ['progressing', 'failed', 'accomplished']);
    const error = (await waitForState(client, {
      resource: 'snapshot',
      regionId: 'cn-hangzhou',
      id: 's-1',
      state: 'accomplished',
      ...fast,
    }).catch((e: unknown) => e)) as EcsError;
    expect(error).toMatchObject({ kind: 'waiter', code: 'WaiterFailure', attempts: 2 });
    expect(error.message).toContain('s-1 is failed');
  });

  it('fails when the resource disappears, unless deletion is what it waits for', async () => {
    scriptStates('Disks', ['Detaching', undefined]);
    await expect(
      waitForState(client, { resource: 'disk', regionId: 'cn-hangzhou', id: 'd-1', state: 'Available', ...fast }),
    ).rejects.toMatchObject({ code: 'WaiterFailure' });
    scriptStates('Disks', ['Available', undefined]);
    await expect(
      waitForState(client, { resource: 'disk', regionId: 'cn-hangzhou', id: 'd-1', state: DELETED, ...fast }),
    ).resolves.toBeUndefined();
  });

  it('times out naming the last state seen', async () => {
    scriptStates('Instances', ['Starting']);
    const error = (await waitForState(client, {
      resource: 'instance',
      regionId: 'cn-hangzhou',
      id: 'i-1',
      state: 'Running',
      timeoutMs: 30,
      ...fast,
    }).catch((e: unknown) => e)) as EcsError;
    expect(error).toMatchObject({ kind: 'timeout', code: 'WaiterTimeout' });
    expect(error.message).toContain('still Starting');
  });
});

describe('waitUntil', () => {
  it('grows the pause between polls up to the maximum', async () => {
    const pauses: number[] = [];
    let last = performance.now();
    let polls = 0;
    await waitUntil(
      'counter',
      () => {
        const now = performance.now();
        pauses.push(now - last);
        last = now;
        return Promise.resolve(
          ++polls < 6
            ? { outcome: 'pending', state: String(polls) }
            : { outcome: 'success', state: 'done', value: polls },
        );
      },
      { minDelayMs: 10, maxDelayMs: 25 },
    );
    // Pauses requested: 10, 15, 22.5, 25, 25 — each real pause is at least the requested one.
    expect(pauses.slice(1).map((p) => p >= 9)).toEqual([true, true, true, true, true]);
    expect(pauses[3]! + 1).toBeGreaterThanOrEqual(22);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      waitUntil('forever', () => Promise.resolve({ outcome: 'pending', state: 'x' }), {
        minDelayMs: 5,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ kind: 'aborted' });
  });
});
