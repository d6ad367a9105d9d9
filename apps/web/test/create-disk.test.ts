import { describe, expect, it } from 'vitest';
import {
  createDiskRequest,
  defaultSize,
  defaultZoneId,
  isCreateDiskValid,
  newDiskSizeRange,
  sourceSnapshots,
  validateCreateDisk,
  zoneOffers,
  type CreateDiskForm,
  type ZoneOffer,
} from '@/features/disks/logic/create-disk';
import { validateDescription, validateResourceName, validateTags } from '@/lib/ecs-resource-rules';
import { makeSnapshot } from './fixtures';

const ZONES: ZoneOffer[] = [
  { zoneId: 'cn-hangzhou-g', localName: 'Hangzhou G', categories: ['cloud_efficiency', 'cloud_ssd'] },
  { zoneId: 'cn-hangzhou-h', localName: 'Hangzhou H', categories: ['cloud_efficiency', 'cloud_essd', 'cloud_auto'] },
  { zoneId: 'cn-hangzhou-i', localName: 'Hangzhou I', categories: ['cloud_essd'] },
];

const form = (overrides: Partial<CreateDiskForm> = {}): CreateDiskForm => ({
  zoneId: 'cn-hangzhou-h',
  category: 'cloud_essd',
  performanceLevel: 'PL1',
  size: '40',
  snapshot: undefined,
  encrypted: false,
  name: 'data-1',
  description: '',
  tags: [],
  ...overrides,
});

const errorsOf = (overrides: Partial<CreateDiskForm>) => validateCreateDisk(form(overrides), ZONES);

describe('zones', () => {
  it("reads DescribeZones' disk categories and defaults to the region's first zone offering the category", () => {
    const offers = zoneOffers([
      { ZoneId: 'z-a', LocalName: 'A', AvailableDiskCategories: { DiskCategories: ['cloud_ssd'] } },
      { ZoneId: 'z-b', LocalName: 'B' },
    ]);
    expect(offers).toEqual([
      { zoneId: 'z-a', localName: 'A', categories: ['cloud_ssd'] },
      { zoneId: 'z-b', localName: 'B', categories: [] },
    ]);
    expect(defaultZoneId(ZONES, 'cloud_essd')).toBe('cn-hangzhou-h');
    expect(defaultZoneId(ZONES, 'cloud_ssd')).toBe('cn-hangzhou-g');
    expect(defaultZoneId(ZONES, 'cloud')).toBeUndefined();
  });

  it('refuses a zone that does not offer the category, and a missing zone', () => {
    expect(errorsOf({ zoneId: 'cn-hangzhou-g' }).zone).toBe('categoryNotOffered');
    expect(errorsOf({ zoneId: 'cn-hangzhou-i', category: 'cloud_auto' }).zone).toBe('categoryNotOffered');
    expect(errorsOf({ zoneId: 'cn-hangzhou-nowhere' }).zone).toBe('categoryNotOffered');
    expect(errorsOf({ zoneId: undefined }).zone).toBe('required');
    expect(errorsOf({ zoneId: 'cn-hangzhou-i' }).zone).toBeNull();
  });
});

describe('size limits per category and performance level', () => {
  it.each([
    ['cloud_essd', 'PL0', 1, 65_536],
    ['cloud_essd', 'PL1', 20, 65_536],
    ['cloud_essd', 'PL2', 461, 65_536],
    ['cloud_essd', 'PL3', 1261, 65_536],
    ['cloud_auto', 'PL3', 1, 65_536],
    ['cloud_efficiency', 'PL1', 20, 32_768],
    ['cloud_ssd', 'PL0', 20, 32_768],
    ['cloud', 'PL1', 5, 2000],
  ] as const)('%s %s takes %i to %i GiB', (category, level, min, max) => {
    expect(newDiskSizeRange(category, level)).toEqual({ min, max });
    const zoned = { category, performanceLevel: level, zoneId: 'cn-hangzhou-h' };
    expect(errorsOf({ ...zoned, size: String(min) }).size).toBeNull();
    expect(errorsOf({ ...zoned, size: String(max) }).size).toBeNull();
    expect(errorsOf({ ...zoned, size: String(min - 1) }).size).toBe('outOfRange');
    expect(errorsOf({ ...zoned, size: String(max + 1) }).size).toBe('outOfRange');
  });

  it('wants a whole number of GiB', () => {
    expect(errorsOf({ size: '' }).size).toBe('required');
    expect(errorsOf({ size: '40.5' }).size).toBe('notWhole');
    expect(errorsOf({ size: '-40' }).size).toBe('notWhole');
    expect(errorsOf({ size: '4e2' }).size).toBe('notWhole');
    expect(errorsOf({ size: ' 40 ' }).size).toBeNull();
  });

  it("starts at 40 GiB, or the level's or the snapshot's minimum when larger", () => {
    expect(defaultSize('cloud_essd', 'PL1', undefined)).toBe(40);
    expect(defaultSize('cloud_essd', 'PL2', undefined)).toBe(461);
    expect(defaultSize('cloud_essd', 'PL0', makeSnapshot({ SourceDiskSize: '500' }))).toBe(500);
    expect(defaultSize('cloud_essd', 'PL0', makeSnapshot({ SourceDiskSize: '20' }))).toBe(40);
  });
});

describe('source snapshot', () => {
  it("needs a size at least the snapshot's", () => {
    const snapshot = makeSnapshot({ SourceDiskSize: '100' });
    expect(errorsOf({ snapshot, size: '99' }).size).toBe('belowSnapshot');
    expect(errorsOf({ snapshot, size: '100' }).size).toBeNull();
    expect(errorsOf({ snapshot, size: '200' }).size).toBeNull();
  });

  it('refuses a snapshot larger than the category allows, or one not finished', () => {
    const big = makeSnapshot({ SourceDiskSize: '4000' });
    expect(errorsOf({ snapshot: big, category: 'cloud', zoneId: undefined, size: '2000' }).snapshot).toBe('tooLarge');
    expect(errorsOf({ snapshot: big, size: '4000' }).snapshot).toBeNull();
    const progressing = makeSnapshot({ Status: 'progressing', Progress: '40%' });
    expect(errorsOf({ snapshot: progressing, size: '100' }).snapshot).toBe('notReady');
  });

  it('offers finished, usable snapshots, newest first', () => {
    const old = makeSnapshot({ SnapshotId: 's-old', CreationTime: '2024-01-01T00:00Z' });
    const recent = makeSnapshot({ SnapshotId: 's-new', CreationTime: '2024-06-01T00:00Z' });
    const running = makeSnapshot({ SnapshotId: 's-run', Status: 'progressing' });
    const unusable = makeSnapshot({ SnapshotId: 's-no', Available: false });
    expect(sourceSnapshots([old, running, recent, unusable]).map((s) => s.SnapshotId)).toEqual(['s-new', 's-old']);
  });
});

describe('names, descriptions and tags (ECS rules)', () => {
  it('names: 2–128 characters, a letter (any script) first, no http(s)://, letters digits : _ . -', () => {
    expect(validateResourceName('')).toBe('required');
    expect(validateResourceName('a')).toBe('length');
    expect(validateResourceName('ab')).toBeNull();
    expect(validateResourceName('数据盘')).toBeNull();
    expect(validateResourceName(`a${'b'.repeat(127)}`)).toBeNull();
    expect(validateResourceName(`a${'b'.repeat(128)}`)).toBe('length');
    expect(validateResourceName('1disk')).toBe('start');
    expect(validateResourceName('-disk')).toBe('start');
    expect(validateResourceName('http://disk')).toBe('http');
    expect(validateResourceName('HTTPS://disk')).toBe('http');
    expect(validateResourceName('data disk')).toBe('characters');
    expect(validateResourceName('db:data_1.v-2')).toBeNull();
  });

  it('descriptions: none, or 2–256 characters not starting with http(s)://', () => {
    expect(validateDescription('')).toBeNull();
    expect(validateDescription('x')).toBe('length');
    expect(validateDescription('x'.repeat(256))).toBeNull();
    expect(validateDescription('x'.repeat(257))).toBe('length');
    expect(validateDescription('https://wiki/disk')).toBe('http');
  });

  it('tags: at most 20; keys 1–128, not aliyun/acs:, no URLs, once each; values up to 128', () => {
    const errors = validateTags([
      { key: 'env', value: 'prod' },
      { key: '', value: 'x' },
      { key: 'Aliyun-owner', value: '' },
      { key: 'acs:team', value: '' },
      { key: 'see http://x', value: '' },
      { key: 'env', value: 'dev' },
      { key: 'k'.repeat(129), value: '' },
      { key: 'link', value: 'https://wiki' },
      { key: 'long', value: 'v'.repeat(129) },
    ]);
    expect(errors.keys).toEqual([null, 'required', 'reserved', 'reserved', 'http', 'duplicate', 'length', null, null]);
    expect(errors.values).toEqual([null, null, null, null, null, null, null, 'http', 'length']);
    expect(errors.count).toBeNull();
    const many = Array.from({ length: 21 }, (_, index) => ({ key: `k${index}`, value: '' }));
    expect(validateTags(many).count).toBe('tooMany');
    expect(validateTags(many.slice(0, 20)).count).toBeNull();
  });
});

describe('the CreateDisk call', () => {
  it('sends the chosen disk, with the level only for ESSD and the token of the attempt', () => {
    expect(isCreateDiskValid(validateCreateDisk(form(), ZONES))).toBe(true);
    expect(
      createDiskRequest(form({ tags: [{ key: 'env', value: 'prod' }], description: 'logs' }), 'cn-hangzhou', 'tok-1'),
    ).toEqual({
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-h',
      DiskCategory: 'cloud_essd',
      PerformanceLevel: 'PL1',
      Size: 40,
      DiskName: 'data-1',
      Description: 'logs',
      Tag: [{ Key: 'env', Value: 'prod' }],
      ClientToken: 'tok-1',
    });
    const ssd = createDiskRequest(form({ category: 'cloud_ssd', zoneId: 'cn-hangzhou-g' }), 'cn-hangzhou', 't');
    expect(ssd).not.toHaveProperty('PerformanceLevel');
  });

  it('makes a disk from an encrypted snapshot encrypted', () => {
    const snapshot = makeSnapshot({ SnapshotId: 's-enc', Encrypted: true, SourceDiskSize: '60' });
    expect(createDiskRequest(form({ snapshot, size: '60' }), 'cn-hangzhou', 't')).toMatchObject({
      SnapshotId: 's-enc',
      Size: 60,
      Encrypted: true,
    });
  });

  it('is invalid while any field is', () => {
    expect(isCreateDiskValid(validateCreateDisk(form({ name: '' }), ZONES))).toBe(false);
    expect(isCreateDiskValid(validateCreateDisk(form({ tags: [{ key: '', value: '' }] }), ZONES))).toBe(false);
    expect(isCreateDiskValid(validateCreateDisk(form({ size: '10' }), ZONES))).toBe(false);
  });
});
