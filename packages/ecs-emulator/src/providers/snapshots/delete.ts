import { apiError } from '../../protocol/errors.js';
import { regionOfResource, type ActionHandler } from '../kit/context.js';
import { snapshotUses } from './filters.js';

// DeleteSnapshot --------------------------------------------------------------------------------

/**
 * Deletes a snapshot; an unknown ID is ignored and one in progress is cancelled (SDK). One that a
 * custom image was made from is refused whatever Force says; one that disks were created from
 * needs Force=true.
 */
export const deleteSnapshot: ActionHandler = (context) => {
  const { params, store } = context;
  const snapshotId = params.requiredString('SnapshotId');
  const force = params.boolean('Force') ?? false;
  const region = regionOfResource(context, snapshotId);
  const snapshot = region?.snapshots.get(snapshotId);
  if (!region || !snapshot) return {};
  const uses = snapshotUses(region);
  if (uses.byImages.has(snapshotId)) {
    throw apiError(
      403,
      'SnapshotCreatedImage',
      `The snapshot "${snapshotId}" has been used to create a custom image; delete the image first.`,
    );
  }
  if (!force && uses.byDisks.has(snapshotId)) {
    throw apiError(
      403,
      'SnapshotCreatedDisk',
      `Disks have been created from the snapshot "${snapshotId}"; set Force=true to delete it.`,
    );
  }
  store.setTransition('snapshot', region.region.RegionId, snapshot, undefined);
  region.snapshots.delete(snapshotId);
  store.unindex(snapshotId);
  return {};
};
