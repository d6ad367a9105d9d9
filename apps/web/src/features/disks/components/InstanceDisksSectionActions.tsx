import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { hasRole, type DiskSummary, type InstanceSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import { useCurrentSession } from '@/lib/session';
import { diskActionStates } from '../logic/allowed-disk-actions';
import { CreateDiskModal } from './CreateDiskModal';
import { CreateSnapshotModal } from './CreateSnapshotModal';
import { DetachDisksModal } from './DetachDisksModal';
import { AttachExistingDiskModal } from './InstanceDisksSectionAttach';
import { ResizeDiskModal } from './ResizeDiskModal';
import { useDisabledReasonText } from './use-disk-action-states';

type OpenModal = 'attachExisting' | 'createAndAttach' | 'detach' | 'resize' | 'snapshot' | undefined;

/** ECS attaches disks only to an instance that is Running or Stopped (`IncorrectInstanceStatus`). */
const ATTACHABLE_INSTANCE_STATUSES: ReadonlySet<string> = new Set(['Running', 'Stopped']);

interface InstanceDisksSectionActionsProps {
  readonly instance: InstanceSummary;
  /** The disk selected in the section's table. */
  readonly selected: DiskSummary | undefined;
}

/**
 * The disks section's header: attach an existing disk or a new one to the instance, and detach,
 * resize or snapshot the selected disk, each disabled with the reason when it cannot run. The
 * instance's state comes from its page (fresher than the region's list).
 */
export function InstanceDisksSectionActions({ instance, selected }: InstanceDisksSectionActionsProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const reasonText = useDisabledReasonText();
  const regionId = instance.RegionId;
  const [open, setOpen] = useState<OpenModal>();
  const snapshots = useRegionList(SNAPSHOT_LIST, regionId);

  const states = useMemo(() => {
    const progressing = (snapshots.data?.snapshots ?? []).filter((snapshot) => snapshot.Status === 'progressing');
    return diskActionStates(selected ? [selected] : [], {
      role: user.role,
      instancesById: new Map([[instance.InstanceId, instance]]),
      snapshotInProgress: new Set(progressing.map((snapshot) => snapshot.SourceDiskId)),
    });
  }, [selected, user.role, instance, snapshots.data]);

  const attachRefusal = !hasRole(user.role, 'admin')
    ? t('instances.disks.adminOnly')
    : !ATTACHABLE_INSTANCE_STATUSES.has(instance.Status)
      ? t('instances.disks.instanceMustBeRunningOrStopped', { status: t(`instanceStatus.${instance.Status}`) })
      : undefined;
  const close = () => setOpen(undefined);

  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        <ButtonDropdown
          disabled={attachRefusal !== undefined}
          disabledReason={attachRefusal}
          items={[
            { id: 'attachExisting', text: t('instances.disks.attachExisting') },
            { id: 'createAndAttach', text: t('instances.disks.createAndAttach') },
          ]}
          onItemClick={({ detail }) => setOpen(detail.id as OpenModal)}
        >
          {t('instances.disks.attach.button')}
        </ButtonDropdown>
        <Button
          disabled={!states.detach.enabled}
          disabledReason={reasonText(states.detach)}
          onClick={() => setOpen('detach')}
        >
          {t('instances.disks.detach')}
        </Button>
        <Button
          disabled={!states.resize.enabled}
          disabledReason={reasonText(states.resize)}
          onClick={() => setOpen('resize')}
        >
          {t('instances.disks.resize')}
        </Button>
        <Button
          disabled={!states.createSnapshot.enabled}
          disabledReason={reasonText(states.createSnapshot)}
          onClick={() => setOpen('snapshot')}
        >
          {t('instances.disks.createSnapshot')}
        </Button>
      </SpaceBetween>
      {open === 'attachExisting' && <AttachExistingDiskModal instance={instance} onDismiss={close} />}
      {open === 'createAndAttach' && (
        <CreateDiskModal
          regionId={regionId}
          visible
          zoneId={instance.ZoneId}
          attachTo={{ instanceId: instance.InstanceId, zoneId: instance.ZoneId }}
          onDismiss={close}
        />
      )}
      {open === 'detach' && selected && (
        <DetachDisksModal regionId={regionId} disks={[selected]} visible onDismiss={close} />
      )}
      {open === 'resize' && selected && (
        <ResizeDiskModal regionId={regionId} disk={selected} instance={instance} visible onDismiss={close} />
      )}
      {open === 'snapshot' && selected && (
        <CreateSnapshotModal regionId={regionId} disk={selected} visible onDismiss={close} />
      )}
    </>
  );
}
