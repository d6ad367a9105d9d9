import Button from '@cloudscape-design/components/button';
import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { DiskSummary, SnapshotSummary } from '@ecs-console/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateDiskModal, CreateSnapshotModal, ResetDiskModal } from '@/features/disks';
import { regionListQueryKey, SNAPSHOT_LIST } from '@/lib/region-list';
import { useCurrentSession } from '@/lib/session';
import { snapshotLabel } from '../logic/snapshot-fields';
import {
  canCreateSnapshots,
  SNAPSHOT_ACTIONS,
  snapshotActionAvailability,
  type SnapshotAction,
  type SnapshotActionAvailability,
} from '../logic/snapshot-rules';
import { disksWithProgressingSnapshot } from '../logic/snapshotable-disks';
import { DeleteSnapshotsModal } from './DeleteSnapshotsModal';
import { PickDiskModal } from './PickDiskModal';
import { useDeleteSnapshots } from './use-delete-snapshots';

interface SnapshotActionsProps {
  readonly regionId: string;
  /** The snapshots to act on: the list's selection. */
  readonly snapshots: readonly SnapshotSummary[];
  /** Selected snapshots on other pages than the one shown: the delete dialog says so. */
  readonly notShownIds?: ReadonlySet<string>;
  /** Every snapshot of the region (which disks have one in progress), `undefined` while loading. */
  readonly allSnapshots: readonly SnapshotSummary[] | undefined;
  /** The region's disks, `undefined` while they load or when they failed to. */
  readonly disks: readonly DiskSummary[] | undefined;
}

type Dialog =
  | { readonly kind: 'pickDisk' }
  | { readonly kind: 'createSnapshot'; readonly disk: DiskSummary }
  | { readonly kind: 'createDisk'; readonly snapshot: SnapshotSummary }
  | { readonly kind: 'rollback'; readonly snapshot: SnapshotSummary; readonly disk: DiskSummary }
  | { readonly kind: 'delete'; readonly snapshots: readonly SnapshotSummary[] };

/** Refusals name at most this many snapshots; the count says how many more. */
const NAMED = 3;

function isSnapshotAction(id: string): id is SnapshotAction {
  return (SNAPSHOT_ACTIONS as readonly string[]).includes(id);
}

function useDisabledReason() {
  const { t } = useTranslation();
  return (availability: Exclude<SnapshotActionAvailability, { enabled: true }>): string => {
    if (availability.reason !== 'usedByImage') return t(`snapshots.disabledReason.${availability.reason}`);
    const { snapshots } = availability;
    const names = snapshots.slice(0, NAMED).map(snapshotLabel).join(', ');
    const more = snapshots.length - NAMED;
    return t('snapshots.disabledReason.usedByImage', {
      count: snapshots.length,
      names: more > 0 ? t('snapshots.andMore', { names, count: more }) : names,
    });
  };
}

/**
 * The Snapshots page's header actions: Create snapshot (pick a disk, then the disk feature's form),
 * and for the selection Create disk, Roll back disk and Delete. Each is enabled only when the
 * user's role and the snapshots' state allow it, and says why when it is not.
 */
export function SnapshotActions({ regionId, snapshots, notShownIds, allSnapshots, disks }: SnapshotActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const queryClient = useQueryClient();
  const disabledReason = useDisabledReason();
  const deleteSnapshots = useDeleteSnapshots();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const disksById = disks && new Map(disks.map((disk) => [disk.DiskId, disk]));
  const context = { role: user.role, disksById };
  const mayCreate = canCreateSnapshots(user.role);

  const item = (action: SnapshotAction): ButtonDropdownProps.Item => {
    const availability = snapshotActionAvailability(action, snapshots, context);
    return {
      id: action,
      text: t(`snapshots.actions.${action}`),
      disabled: !availability.enabled,
      disabledReason: availability.enabled ? undefined : disabledReason(availability),
    };
  };

  const open = (action: SnapshotAction) => {
    const [only] = snapshots;
    if (!only) return;
    if (action === 'delete') setDialog({ kind: 'delete', snapshots });
    else if (action === 'createDisk') setDialog({ kind: 'createDisk', snapshot: only });
    else {
      const disk = disksById?.get(only.SourceDiskId);
      if (disk) setDialog({ kind: 'rollback', snapshot: only, disk });
    }
  };
  const dismiss = () => setDialog(null);
  // The form closes once ECS accepted the snapshot. A new snapshot is not among the list's items, so
  // asking for its ID would not add it: the list is refreshed whole (a 304 when nothing changed).
  const dismissCreateSnapshot = () => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: regionListQueryKey(SNAPSHOT_LIST, regionId) });
  };

  return (
    <SpaceBetween direction="horizontal" size="xs">
      <ButtonDropdown
        items={SNAPSHOT_ACTIONS.map(item)}
        onItemClick={({ detail }) => {
          if (isSnapshotAction(detail.id)) open(detail.id);
        }}
      >
        {t('snapshots.actions.menu')}
      </ButtonDropdown>
      <Button
        variant="primary"
        disabled={!mayCreate}
        disabledReason={mayCreate ? undefined : t('snapshots.disabledReason.role')}
        onClick={() => setDialog({ kind: 'pickDisk' })}
      >
        {t('snapshots.actions.create')}
      </Button>
      {dialog?.kind === 'pickDisk' && (
        <PickDiskModal
          disks={disks}
          progressingDiskIds={disksWithProgressingSnapshot(allSnapshots)}
          onPick={(disk) => setDialog({ kind: 'createSnapshot', disk })}
          onDismiss={dismiss}
        />
      )}
      {dialog?.kind === 'createSnapshot' && (
        <CreateSnapshotModal regionId={regionId} disk={dialog.disk} visible onDismiss={dismissCreateSnapshot} />
      )}
      {dialog?.kind === 'createDisk' && (
        <CreateDiskModal regionId={regionId} snapshot={dialog.snapshot} visible onDismiss={dismiss} />
      )}
      {dialog?.kind === 'rollback' && (
        <ResetDiskModal regionId={regionId} disk={dialog.disk} snapshot={dialog.snapshot} visible onDismiss={dismiss} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteSnapshotsModal
          snapshots={dialog.snapshots}
          notShownIds={notShownIds}
          onConfirm={(forceIds) => {
            setDialog(null);
            deleteSnapshots({ regionId, snapshots: dialog.snapshots, forceIds });
          }}
          onDismiss={dismiss}
        />
      )}
    </SpaceBetween>
  );
}
