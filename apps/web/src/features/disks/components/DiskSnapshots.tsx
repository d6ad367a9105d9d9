import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { hasRole, type DiskSummary, type SnapshotSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { TableEmptyState } from '@/components/TableEmptyState';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import { useCurrentSession } from '@/lib/session';
import { CreateDiskModal } from './CreateDiskModal';
import { DiskDetailSnapshotProgress } from './DiskDetailSnapshotProgress';
import { ResetDiskModal } from './ResetDiskModal';

/** Newest first, as ops staff look for the latest one. */
const newestFirst = (a: SnapshotSummary, b: SnapshotSummary) => b.CreationTime.localeCompare(a.CreationTime);

interface DiskSnapshotsProps {
  readonly disk: DiskSummary;
  /** Why the disk cannot be rolled back now (its instance must be stopped, the role...), if it cannot. */
  readonly resetRefusal: string | undefined;
}

type OpenModal = 'createDisk' | 'reset' | undefined;

/**
 * The snapshots taken of the disk (the region's snapshot list, by source disk), with their progress
 * while they are taken; one can be made into a new disk or the disk rolled back to it.
 */
export function DiskSnapshots({ disk, resetRefusal }: DiskSnapshotsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useCurrentSession();
  const snapshots = useRegionList(SNAPSHOT_LIST, disk.RegionId);
  const [selectedId, setSelectedId] = useState<string>();
  const [open, setOpen] = useState<OpenModal>();
  const items = (snapshots.data?.snapshots ?? []).filter((snapshot) => snapshot.SourceDiskId === disk.DiskId);
  items.sort(newestFirst);
  const selected = items.find((snapshot) => snapshot.SnapshotId === selectedId);
  const notReady = !selected
    ? t('disks.detail.snapshots.selectOne')
    : selected.Status !== 'accomplished'
      ? t('disks.detail.snapshots.notReady', { snapshot: selected.SnapshotId })
      : undefined;
  const createRefusal = notReady ?? (hasRole(user.role, 'admin') ? undefined : t('disks.detail.snapshots.adminOnly'));
  const rollbackRefusal = notReady ?? resetRefusal;

  if (snapshots.isError && !snapshots.data) {
    return (
      <ApiErrorAlert
        error={snapshots.error}
        header={t('disks.detail.snapshots.loadFailed')}
        action={<Button onClick={() => void snapshots.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }

  return (
    <>
      <Table<SnapshotSummary>
        variant="container"
        header={
          <Header
            variant="h2"
            counter={snapshots.data ? `(${items.length})` : undefined}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={createRefusal !== undefined}
                  disabledReason={createRefusal}
                  onClick={() => setOpen('createDisk')}
                >
                  {t('disks.detail.snapshots.createDisk')}
                </Button>
                <Button
                  disabled={rollbackRefusal !== undefined}
                  disabledReason={rollbackRefusal}
                  onClick={() => setOpen('reset')}
                >
                  {t('disks.detail.snapshots.rollBack')}
                </Button>
              </SpaceBetween>
            }
          >
            {t('disks.detail.snapshots.title')}
          </Header>
        }
        items={items}
        trackBy="SnapshotId"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.SnapshotId)}
        loading={snapshots.isPending}
        loadingText={t('disks.detail.snapshots.loading')}
        ariaLabels={{
          tableLabel: t('disks.detail.snapshots.title'),
          selectionGroupLabel: t('disks.detail.snapshots.selectionGroup'),
          itemSelectionLabel: (_selection, snapshot) =>
            t('disks.detail.snapshots.selectItem', { snapshot: snapshot.SnapshotName || snapshot.SnapshotId }),
        }}
        wrapLines
        columnDefinitions={[
          {
            id: 'id',
            header: t('disks.detail.snapshots.id'),
            cell: (snapshot) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <CopyableId id={snapshot.SnapshotId} />
              </span>
            ),
            isRowHeader: true,
          },
          { id: 'name', header: t('disks.detail.snapshots.name'), cell: (snapshot) => snapshot.SnapshotName || '-' },
          {
            id: 'progress',
            header: t('disks.detail.snapshots.progress'),
            cell: (snapshot) => <DiskDetailSnapshotProgress snapshot={snapshot} />,
            minWidth: 200,
          },
          {
            id: 'type',
            header: t('disks.detail.snapshots.type'),
            cell: (snapshot) =>
              snapshot.SnapshotType === 'auto' ? t('disks.detail.snapshots.auto') : t('disks.detail.snapshots.manual'),
          },
          {
            id: 'created',
            header: t('disks.detail.snapshots.created'),
            cell: (snapshot) => formatDateTime(snapshot.CreationTime, locale),
          },
          {
            id: 'retention',
            header: t('disks.detail.snapshots.retention'),
            cell: (snapshot) =>
              snapshot.RetentionDays
                ? t('disks.detail.snapshots.retentionDays', { count: snapshot.RetentionDays })
                : t('disks.detail.snapshots.keptUntilDeleted'),
          },
        ]}
        empty={<TableEmptyState title={t('disks.detail.snapshots.empty')} />}
      />
      {open === 'createDisk' && selected && (
        <CreateDiskModal
          regionId={disk.RegionId}
          visible
          zoneId={disk.ZoneId}
          snapshot={selected}
          onDismiss={() => setOpen(undefined)}
        />
      )}
      {open === 'reset' && selected && (
        <ResetDiskModal
          regionId={disk.RegionId}
          disk={disk}
          snapshot={selected}
          visible
          onDismiss={() => setOpen(undefined)}
        />
      )}
    </>
  );
}
