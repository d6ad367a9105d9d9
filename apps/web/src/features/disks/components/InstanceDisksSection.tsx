import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { DiskSummary, InstanceSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { TableEmptyState } from '@/components/TableEmptyState';
import { useUserRefetch } from '@/lib/background-fetch';
import { formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { DISK_LIST, regionListQueryKey, useRegionList } from '@/lib/region-list';
import { diskCategoryLabel } from '../logic/disk-categories';
import { diskPath } from '../paths';
import { DiskStatusIndicator } from './DiskStatusIndicator';
import { InstanceDisksSectionActions } from './InstanceDisksSectionActions';

/** The system disk first, then data disks by device (`/dev/xvdb`, `/dev/xvdc`, ...). */
function byRole(a: DiskSummary, b: DiskSummary): number {
  if (a.Type !== b.Type) return a.Type === 'system' ? -1 : 1;
  return (a.Device || a.DiskId).localeCompare(b.Device || b.DiskId);
}

/** The disks on an instance, as its page shows them: from the region's disk list. */
export function useInstanceDiskList(regionId: string, instanceId: string) {
  const list = useRegionList(DISK_LIST, regionId);
  const disks = (list.data?.disks ?? []).filter((disk) => disk.InstanceId === instanceId).sort(byRole);
  return { list, disks };
}

/**
 * The instance page's disks: system and data disks linked to their pages, and attach (an existing
 * disk of the zone, or a new one), detach, resize and snapshot without leaving the instance.
 */
export function InstanceDisksSection({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const regionId = instance.RegionId;
  const { list, disks } = useInstanceDiskList(regionId, instance.InstanceId);
  const retry = useUserRefetch(regionListQueryKey(DISK_LIST, regionId), list.refetch);
  const [selectedId, setSelectedId] = useState<string>();
  const selected = disks.find((disk) => disk.DiskId === selectedId);

  if (list.isError && !list.data) {
    return (
      <ApiErrorAlert
        error={list.error}
        header={t('instances.disks.loadFailed')}
        action={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
      />
    );
  }

  return (
    <Table<DiskSummary>
      variant="container"
      header={
        <Header
          variant="h2"
          counter={list.data ? `(${disks.length})` : undefined}
          actions={<InstanceDisksSectionActions instance={instance} selected={selected} />}
        >
          {t('instances.disks.title')}
        </Header>
      }
      items={disks}
      trackBy="DiskId"
      selectionType="single"
      selectedItems={selected ? [selected] : []}
      onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.DiskId)}
      loading={list.isPending}
      loadingText={t('instances.disks.loading')}
      ariaLabels={{
        tableLabel: t('instances.disks.title'),
        selectionGroupLabel: t('instances.disks.selectionGroup'),
        itemSelectionLabel: (_selection, disk) =>
          t('instances.disks.selectItem', { disk: disk.DiskName || disk.DiskId }),
      }}
      wrapLines
      columnDefinitions={[
        {
          id: 'id',
          header: t('instances.disks.id'),
          // Lines wrap in this table so it fits the page; an ID and its copy button stay together.
          cell: (disk) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <CopyableId id={disk.DiskId} href={diskPath(regionId, disk.DiskId)} />
            </span>
          ),
          isRowHeader: true,
        },
        { id: 'name', header: t('instances.disks.name'), cell: (disk) => disk.DiskName || '-' },
        { id: 'type', header: t('instances.disks.type'), cell: (disk) => t(`diskType.${disk.Type}`) },
        {
          id: 'category',
          header: t('instances.disks.category'),
          cell: (disk) => diskCategoryLabel(t, disk.Category, disk.PerformanceLevel),
        },
        { id: 'size', header: t('instances.disks.size'), cell: (disk) => formatGiB(disk.Size, locale) },
        {
          id: 'status',
          header: t('instances.disks.status'),
          cell: (disk) => <DiskStatusIndicator status={disk.Status} />,
          // "Detaching" and its icon on one line.
          minWidth: 130,
        },
        { id: 'device', header: t('instances.disks.device'), cell: (disk) => disk.Device || '-' },
        {
          id: 'deleteWithInstance',
          header: t('instances.disks.deleteWithInstance'),
          cell: (disk) => (disk.DeleteWithInstance ? t('common.yes') : t('common.no')),
        },
        {
          id: 'encrypted',
          header: t('instances.disks.encrypted'),
          cell: (disk) => (disk.Encrypted ? t('common.yes') : t('common.no')),
        },
      ]}
      empty={<TableEmptyState title={t('instances.disks.empty')} />}
    />
  );
}
