import { apiError } from '../../protocol/errors.js';
import type { DiskRecord } from '../../store/types.js';
import { requireRegion, type ActionContext, type ActionHandler } from '../kit/context.js';
import { readDescription, readName } from '../kit/names.js';
import { diskNotFound, findDisk } from './lookup.js';

// ModifyDiskAttribute ---------------------------------------------------------------------------

/** The disks to modify: DiskIds.N (with RegionId) or DiskId; all must exist. */
function disksToModify(context: ActionContext): DiskRecord[] {
  const ids = context.params.repeatList('DiskIds', { max: 100 });
  if (ids.length === 0) return [findDisk(context, context.params.requiredString('DiskId')).disk];
  const region = requireRegion(context);
  return ids.map((id) => {
    const disk = region.disks.get(id);
    if (!disk) throw diskNotFound(id);
    return disk;
  });
}

export const modifyDiskAttribute: ActionHandler = (context) => {
  const { params } = context;
  const disks = disksToModify(context);
  const name = readName(params, 'DiskName', 'InvalidDiskName.Malformed');
  // ModifyDiskAttribute documents a malformed Description as 404 (sic).
  const description = readDescription(params, 'InvalidDescription.Malformed', 404);
  const deleteWithInstance = params.boolean('DeleteWithInstance');
  const deleteAutoSnapshot = params.boolean('DeleteAutoSnapshot');
  const enableAutoSnapshot = params.boolean('EnableAutoSnapshot');
  const changes = [name, description, deleteWithInstance, deleteAutoSnapshot, enableAutoSnapshot];
  if (changes.every((change) => change === undefined)) {
    throw apiError(400, 'NoAttributeToModify', 'No attribute to be modified is specified.');
  }
  // Check every disk before changing any, so a batch applies wholly or not at all.
  if (deleteWithInstance === false) {
    const pinned = disks.find((disk) => !disk.Portable);
    if (pinned)
      throw apiError(403, 'DiskNotPortable', `The disk "${pinned.DiskId}" is not portable: it goes with its instance.`);
  }
  for (const disk of disks) {
    if (name !== undefined) disk.DiskName = name;
    if (description !== undefined) disk.Description = description;
    if (deleteWithInstance !== undefined) disk.DeleteWithInstance = deleteWithInstance;
    if (deleteAutoSnapshot !== undefined) disk.DeleteAutoSnapshot = deleteAutoSnapshot;
    if (enableAutoSnapshot !== undefined) disk.EnableAutoSnapshot = enableAutoSnapshot;
  }
  return {};
};
