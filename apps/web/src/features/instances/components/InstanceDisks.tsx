import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { TableEmptyState } from '@/components/TableEmptyState';
import { formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useUserRefetch } from '@/lib/background-fetch';
import { instanceDisksQueryKey, useInstanceDisks } from '../api/instance-disks';
import type { Disk } from '@ecs-console/ecs-client';

const diskHref = (diskId: string) => `/disks?${new URLSearchParams({ id: diskId }).toString()}`;

/** The instance's system and data disks (DescribeDisks by InstanceId). */
export function InstanceDisks({ regionId, instanceId }: { readonly regionId: string; readonly instanceId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const disks = useInstanceDisks(regionId, instanceId);
  const retry = useUserRefetch(instanceDisksQueryKey(regionId, instanceId), disks.refetch);
  const items = disks.data ?? [];

  if (disks.isError) {
    return (
      <ApiErrorAlert
        error={disks.error}
        header={t('instanceDetail.disks.loadFailed')}
        action={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
      />
    );
  }

  return (
    <Table<Disk>
      variant="container"
      header={
        <Header variant="h2" counter={disks.data ? `(${items.length})` : undefined}>
          {t('instanceDetail.disks.title')}
        </Header>
      }
      items={items}
      trackBy="DiskId"
      loading={disks.isPending}
      loadingText={t('instanceDetail.disks.loading')}
      ariaLabels={{ tableLabel: t('instanceDetail.disks.title') }}
      wrapLines
      columnDefinitions={[
        {
          id: 'id',
          header: t('instanceDetail.disks.id'),
          // Lines wrap in this table so it fits the page; an ID and its copy button stay together.
          cell: (disk) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <CopyableId id={disk.DiskId} href={diskHref(disk.DiskId)} />
            </span>
          ),
          isRowHeader: true,
        },
        { id: 'name', header: t('instanceDetail.disks.name'), cell: (disk) => disk.DiskName || '-' },
        { id: 'type', header: t('instanceDetail.disks.type'), cell: (disk) => t(`diskType.${disk.Type}`) },
        {
          id: 'category',
          header: t('instanceDetail.disks.category'),
          cell: (disk) => (disk.PerformanceLevel ? `${disk.Category} (${disk.PerformanceLevel})` : disk.Category),
        },
        { id: 'size', header: t('instanceDetail.disks.size'), cell: (disk) => formatGiB(disk.Size, locale) },
        { id: 'status', header: t('instanceDetail.disks.status'), cell: (disk) => t(`diskStatus.${disk.Status}`) },
        { id: 'device', header: t('instanceDetail.disks.device'), cell: (disk) => disk.Device || '-' },
        {
          id: 'deleteWithInstance',
          header: t('instanceDetail.disks.deleteWithInstance'),
          cell: (disk) => (disk.DeleteWithInstance ? t('common.yes') : t('common.no')),
        },
        {
          id: 'encrypted',
          header: t('instanceDetail.disks.encrypted'),
          cell: (disk) => (disk.Encrypted ? t('common.yes') : t('common.no')),
        },
      ]}
      empty={<TableEmptyState title={t('instanceDetail.disks.empty')} />}
    />
  );
}
