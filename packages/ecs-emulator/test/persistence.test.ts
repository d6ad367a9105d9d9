import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../src/clock.js';
import { generateEstate } from '../src/data/generator.js';
import { loadState, restoreState, saveState, serializeState } from '../src/store/persistence.js';
import { Store } from '../src/store/store.js';

const NOW = Date.UTC(2026, 10, 15, 9, 30);

function emptyStore(): Store {
  return new Store(new Clock({ start: NOW, realNow: () => 0 }));
}

function generated(): Store {
  const store = emptyStore();
  generateEstate(store, { seed: 5 });
  return store;
}

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ecs-emulator-state-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('saveState and loadState', () => {
  it('round-trips an estate to identical JSON', async () => {
    const original = generated();
    const first = join(folder, 'first.json');
    const second = join(folder, 'second.json');
    await saveState(original, first);
    const loaded = emptyStore();
    await loadState(loaded, first);
    await saveState(loaded, second);
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'));
    expect(await readFile(first, 'utf8')).toBe(serializeState(original));
  });

  it('restores records field for field, including fields that are undefined', async () => {
    const original = generated();
    const path = join(folder, 'state.json');
    await saveState(original, path);
    const loaded = emptyStore();
    await loadState(loaded, path);
    expect([...loaded.regions.keys()]).toEqual([...original.regions.keys()]);
    for (const [regionId, region] of original.regions) {
      const copy = loaded.region(regionId)!;
      expect(copy.region).toStrictEqual(region.region);
      expect(copy.zones).toStrictEqual(region.zones);
      expect(copy.vpcs).toStrictEqual(region.vpcs);
      expect([...copy.instances]).toStrictEqual([...region.instances]);
      expect([...copy.disks]).toStrictEqual([...region.disks]);
      expect([...copy.snapshots]).toStrictEqual([...region.snapshots]);
      expect([...copy.securityGroups]).toStrictEqual([...region.securityGroups]);
    }
    const running = [...loaded.regions.values()]
      .flatMap((region) => [...region.instances.values()])
      .find((instance) => instance.Status === 'Running' && !instance.PublicIpAddress)!;
    expect(Object.keys(running)).toContain('PublicIpAddress');
    expect(running.PublicIpAddress).toBeUndefined();
    expect(Object.keys(running.console)).toContain('stoppedAt');
    expect(running.console.stoppedAt).toBeUndefined();
  });

  it('rebuilds the ID index and carries on the ID sequence', async () => {
    const original = generated();
    const path = join(folder, 'state.json');
    await saveState(original, path);
    const loaded = emptyStore();
    await loadState(loaded, path);
    for (const [regionId, region] of original.regions) {
      for (const id of [
        ...region.instances.keys(),
        ...region.disks.keys(),
        ...region.snapshots.keys(),
        ...region.securityGroups.keys(),
      ]) {
        expect(loaded.regionOf(id)?.region.RegionId).toBe(regionId);
      }
    }
    expect(loaded.idCounter).toBe(original.idCounter);
    expect(loaded.newId('i', 'cn-hangzhou')).toBe(original.newId('i', 'cn-hangzhou'));
  });

  it('keeps pending transitions scheduled', async () => {
    const original = generated();
    const path = join(folder, 'state.json');
    await saveState(original, path);
    const loaded = emptyStore();
    await loadState(loaded, path);
    const instances = [...loaded.regions.values()].flatMap((region) => [...region.instances.values()]);
    const stopping = instances.find((instance) => instance.Status === 'Stopping')!;
    const starting = instances.find((instance) => instance.Status === 'Starting')!;
    expect(stopping.transition?.to).toBe('Stopped');

    loaded.clock.advance(stopping.transition!.at - NOW);
    loaded.advance();
    expect(stopping.Status).toBe('Stopped');
    expect(stopping.transition).toBeUndefined();
    loaded.clock.advance(starting.transition!.at - loaded.clock.now());
    loaded.advance();
    expect(starting.Status).toBe('Running');
  });

  it('creates the folder and writes the file for its owner only, leaving no temporary file', async () => {
    const path = join(folder, 'nested', 'deeper', 'state.json');
    await saveState(generated(), path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(folder, 'nested', 'deeper'))).toEqual(['state.json']);
  });

  it('replaces an existing file whole, with owner-only permissions', async () => {
    const path = join(folder, 'state.json');
    await writeFile(path, 'old contents');
    await chmod(path, 0o644);
    const store = generated();
    await saveState(store, path);
    expect(await readFile(path, 'utf8')).toBe(serializeState(store));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['state.json']);
  });

  it('rejects a file of another format version with a clear message', async () => {
    const path = join(folder, 'state.json');
    const state = JSON.parse(serializeState(generated())) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...state, version: 2 }));
    await expect(loadState(emptyStore(), path)).rejects.toThrow(
      `${path} has state format version 2; this emulator reads version 1`,
    );
  });

  it('rejects files that are not state files', () => {
    expect(() => restoreState(emptyStore(), '{"regions": []}', 'x.json')).toThrow(
      'x.json is not an ECS emulator state file',
    );
    expect(() => restoreState(emptyStore(), 'null', 'x.json')).toThrow('x.json is not an ECS emulator state file');
    expect(() => restoreState(emptyStore(), '{', 'x.json')).toThrow(/x.json is not valid JSON/);
    expect(() => restoreState(emptyStore(), '{"format":"ecs-emulator-state","version":1}', 'x.json')).toThrow(
      'x.json is incomplete',
    );
  });

  it('loads only into an empty store', () => {
    const json = serializeState(generated());
    expect(() => restoreState(generated(), json)).toThrow('empty store');
  });

  it('fails on a missing file without touching the store', async () => {
    const store = emptyStore();
    await expect(loadState(store, join(folder, 'absent.json'))).rejects.toThrow(/ENOENT/);
    expect(store.regions.size).toBe(0);
  });
});
