import { ALL_CATEGORIES } from '@ecs-console/contract';
import { apiError } from '../../protocol/errors.js';
import type { DiskRecord, RegionState } from '../../store/types.js';
import { creationTimeMatcher } from '../kit/filters.js';
import type { RequestParams } from '../kit/params.js';
import { DISK_STATUSES } from './limits.js';
import { tagMatcher } from '../kit/tags.js';

type DiskPredicate = (disk: DiskRecord) => boolean;

/** Every filter the request sends, as predicates; validating them throws the documented errors. */
export function diskFilters(params: RequestParams, region: RegionState): DiskPredicate[] {
  const filters: DiskPredicate[] = [];
  const add = <T>(value: T | undefined, predicate: (value: T) => DiskPredicate) => {
    if (value !== undefined) filters.push(predicate(value));
  };

  const zoneId = params.string('ZoneId');
  if (zoneId !== undefined && !region.zones.some((zone) => zone.ZoneId === zoneId)) {
    throw apiError(400, 'InvalidZoneId.NotFound', `The specified ZoneId "${zoneId}" does not exist.`);
  }
  add(zoneId, (id) => (disk) => disk.ZoneId === id);
  const diskIds = params.jsonArray('DiskIds', { code: 'InvalidParameter.DiskIds' });
  if (diskIds && diskIds.length > 100) {
    throw apiError(403, 'InvalidDiskIds.Malformed', 'The specified DiskIds holds more than 100 disk IDs.');
  }
  add(diskIds && new Set(diskIds), (ids) => (disk) => ids.has(disk.DiskId));
  add(params.string('InstanceId'), (id) => (disk) => disk.InstanceId === id);
  add(params.string('SnapshotId'), (id) => (disk) => disk.SourceSnapshotId === id);
  add(params.string('DiskName'), (name) => (disk) => disk.DiskName === name);
  // The emulator keeps no resource groups, automatic snapshot policies or KMS keys: disks have none.
  for (const unset of ['ResourceGroupId', 'AutoSnapshotPolicyId', 'KMSKeyId'])
    add(params.string(unset), () => () => false);

  const diskType = params.oneOf('DiskType', ['all', 'system', 'data'], { code: 'InvalidDiskType.ValueNotSupported' });
  if (diskType !== 'all') add(diskType, (type) => (disk) => disk.Type === type);
  const category = params.oneOf('Category', ['all', ...ALL_CATEGORIES], { code: 'InvalidCategory.ValueNotSupported' });
  if (category !== 'all') add(category, (wanted) => (disk) => disk.Category === wanted);
  const status = params.oneOf('Status', [...DISK_STATUSES, 'All'], { code: 'InvalidStatus.ValueNotSupported' });
  if (status !== 'All') add(status, (wanted) => (disk) => disk.Status === wanted);
  add(
    params.oneOf('DiskChargeType', ['PrePaid', 'PostPaid'], { code: 'InvalidDiskChargeType.NotFound', status: 404 }),
    (type) => (disk) => disk.DiskChargeType === type,
  );
  add(
    params.oneOf('LockReason', ['financial', 'security'], { code: 'InvalidLockReason.NotFound', status: 404 }),
    (reason) => (disk) => disk.lockReasons.includes(reason),
  );
  // Multi-attach, shared block storage and automated snapshot policies are not emulated: every disk is Disabled / false.
  add(params.oneOf('MultiAttach', ['Disabled', 'Enabled', 'LegacyShared']), (mode) => () => mode === 'Disabled');
  add(params.boolean('EnableShared'), (shared) => () => !shared);
  add(params.boolean('EnableAutomatedSnapshotPolicy'), (enabled) => () => !enabled);

  add(params.boolean('Portable'), (flag) => (disk) => disk.Portable === flag);
  add(params.boolean('DeleteWithInstance'), (flag) => (disk) => disk.DeleteWithInstance === flag);
  add(params.boolean('DeleteAutoSnapshot'), (flag) => (disk) => disk.DeleteAutoSnapshot === flag);
  add(params.boolean('EnableAutoSnapshot'), (flag) => (disk) => disk.EnableAutoSnapshot === flag);
  add(params.boolean('Encrypted'), (flag) => (disk) => disk.Encrypted === flag);
  add(tagMatcher(params), (matches) => (disk) => matches(disk.tags));
  add(creationTimeMatcher(params), (inWindow) => (disk) => inWindow(disk.createdAt));
  return filters;
}
