import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';
import { INSTANCE_LIST, regionListQueryOptions, SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import type { DiskSummary } from '@ecs-console/contract';
import {
  diskActionStates,
  type DiskActionAvailability,
  type DiskActionStates,
  type RuledInstance,
} from '../logic/allowed-disk-actions';
import { diskLabel } from '../logic/disk-action-requests';

/** Refusals name at most this many disks; the count says how many more. */
const NAMED = 3;

const instanceLabel = (instance: RuledInstance) =>
  instance.InstanceName ? `${instance.InstanceId} (${instance.InstanceName})` : instance.InstanceId;

/** Why an action is disabled, in words naming the disks (and instances) it is about. */
export function useDisabledReasonText(): (availability: DiskActionAvailability) => string | undefined {
  const { t } = useTranslation();
  return (availability) => {
    if (availability.enabled) return undefined;
    if (!('disks' in availability)) return t(`disks.actions.disabledReason.${availability.reason}`);
    const { disks, allowed = [], instances = [] } = availability;
    const names = disks.slice(0, NAMED).map(diskLabel).join(', ');
    const more = disks.length - NAMED;
    const instanceStatus = instances[0]?.Status;
    return t(`disks.actions.refusal.${availability.reason}`, {
      count: disks.length,
      names: more > 0 ? t('disks.actions.refusal.andMore', { names, count: more }) : names,
      status: disks[0] ? t(`diskStatus.${disks[0].Status}`) : '',
      allowed: allowed
        .map((status) =>
          availability.reason === 'status' ? t(`diskStatus.${status as DiskSummary['Status']}`) : status,
        )
        .join(t('disks.actions.refusal.or')),
      instances: instances.map(instanceLabel).join(', '),
      instanceStatus: instanceStatus ? t(`instanceStatus.${instanceStatus}`) : '',
    });
  };
}

interface DiskActionStatesOptions {
  /** Also read the region's snapshots, to know which disks have one in progress (the disk page). */
  readonly withSnapshots?: boolean;
}

/**
 * What the signed-in user may do to these disks now: the rules table applied with the user's role,
 * the states of the instances they are on (the region's instance list) and, when asked for, the
 * snapshots in progress.
 */
export function useDiskActionStates(
  regionId: string,
  disks: readonly DiskSummary[],
  { withSnapshots = false }: DiskActionStatesOptions = {},
): DiskActionStates {
  const { user } = useCurrentSession();
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const snapshots = useQuery({ ...regionListQueryOptions(SNAPSHOT_LIST, regionId), enabled: withSnapshots });
  const instancesById = useMemo(
    () => new Map((instances.data?.instances ?? []).map((instance) => [instance.InstanceId, instance])),
    [instances.data],
  );
  const snapshotInProgress = useMemo(() => {
    const progressing = (snapshots.data?.snapshots ?? []).filter((snapshot) => snapshot.Status === 'progressing');
    return new Set(progressing.map((snapshot) => snapshot.SourceDiskId));
  }, [snapshots.data]);
  return useMemo(
    () => diskActionStates(disks, { role: user.role, instancesById, snapshotInProgress }),
    [disks, user.role, instancesById, snapshotInProgress],
  );
}
