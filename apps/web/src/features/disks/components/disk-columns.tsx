import Box from '@cloudscape-design/components/box';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { byText, idColumn, nameColumn, type ResourceListColumn } from '@/components/resource-list';
import { formatDateTime, formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { INSTANCE_LIST } from '@/lib/region-list';
import { diskCategoryLabel } from '../logic/disk-categories';
import type { DiskRow } from '../logic/disk-row';
import type { DiskColumnId } from '../logic/disk-table-preferences';
import { diskPath } from '../paths';
import { DiskStatusIndicator } from './DiskStatusIndicator';

export type DiskColumn = ResourceListColumn<DiskRow> & { readonly id: DiskColumnId };

const byFlag =
  (value: (row: DiskRow) => boolean) =>
  (a: DiskRow, b: DiskRow): number =>
    Number(value(a)) - Number(value(b));

/** The attached instance: its name (when the instance list has it) and its linked, copyable ID. */
function AttachedInstance({ row }: { readonly row: DiskRow }) {
  if (!row.instanceId) return '-';
  return (
    <span>
      {row.instanceName && (
        <Box variant="span" padding={{ right: 'xs' }}>
          {row.instanceName}
        </Box>
      )}
      <CopyableId id={row.instanceId} href={INSTANCE_LIST.pagePath(row.disk.RegionId, row.instanceId)} />
    </span>
  );
}

/** Every column of the Disks list; the preferences choose which show and in what order. */
export function useDiskColumns(): readonly DiskColumn[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo((): DiskColumn[] => {
    const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
    return [
      nameColumn(t('disks.list.columns.name'), { width: 220, minWidth: 160 }),
      idColumn(t('disks.list.columns.id'), (row) => diskPath(row.disk.RegionId, row.id)),
      {
        id: 'status',
        header: t('disks.list.columns.status'),
        cell: (row) => <DiskStatusIndicator status={row.status} />,
        sortingComparator: byText((row) => row.status),
        width: 150,
        minWidth: 120,
      },
      {
        id: 'category',
        header: t('disks.list.columns.category'),
        cell: (row) => diskCategoryLabel(t, row.category, row.performanceLevel),
        sortingComparator: byText((row) => `${row.category} ${row.performanceLevel}`),
        width: 170,
        minWidth: 130,
      },
      {
        id: 'size',
        header: t('disks.list.columns.size'),
        cell: (row) => formatGiB(row.size, locale),
        sortingComparator: (a, b) => a.size - b.size,
        width: 110,
        minWidth: 90,
      },
      {
        id: 'type',
        header: t('disks.list.columns.type'),
        cell: (row) => t(`diskType.${row.type}`),
        sortingComparator: byText((row) => row.type),
        width: 130,
      },
      {
        id: 'zone',
        header: t('disks.list.columns.zone'),
        cell: (row) => row.zone,
        sortingComparator: byText((row) => row.zone),
        width: 150,
        minWidth: 120,
      },
      {
        id: 'instance',
        header: t('disks.list.columns.instance'),
        cell: (row) => <AttachedInstance row={row} />,
        sortingComparator: byText((row) => row.instanceName || row.instanceId),
        width: 340,
        minWidth: 240,
      },
      {
        id: 'device',
        header: t('disks.list.columns.device'),
        cell: (row) => row.device || '-',
        sortingComparator: byText((row) => row.device),
      },
      {
        id: 'deleteWithInstance',
        header: t('disks.list.columns.deleteWithInstance'),
        cell: (row) => yesNo(row.disk.DeleteWithInstance),
        sortingComparator: byFlag((row) => row.disk.DeleteWithInstance),
      },
      {
        id: 'encrypted',
        header: t('disks.list.columns.encrypted'),
        cell: (row) => yesNo(row.disk.Encrypted),
        sortingComparator: byFlag((row) => row.disk.Encrypted),
      },
      {
        id: 'chargeType',
        header: t('disks.list.columns.chargeType'),
        cell: (row) => t(`chargeType.${row.disk.DiskChargeType}`),
        sortingComparator: byText((row) => row.disk.DiskChargeType),
      },
      {
        id: 'portable',
        header: t('disks.list.columns.portable'),
        cell: (row) => yesNo(row.disk.Portable),
        sortingComparator: byFlag((row) => row.disk.Portable),
      },
      {
        id: 'tags',
        header: t('disks.list.columns.tags'),
        cell: (row) => row.tags.map((tag) => `${tag.TagKey}: ${tag.TagValue}`).join(', ') || '-',
      },
      {
        id: 'created',
        header: t('disks.list.columns.created'),
        cell: (row) => formatDateTime(row.disk.CreationTime, locale),
        // ECS times are ISO 8601 in UTC, so text order is time order.
        sortingComparator: (a, b) => a.disk.CreationTime.localeCompare(b.disk.CreationTime),
      },
    ];
  }, [t, locale]);
}
