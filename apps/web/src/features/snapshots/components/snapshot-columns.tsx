import type { DiskSummary } from '@ecs-console/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { byText, idColumn, nameColumn, type ResourceListColumn } from '@/components/resource-list';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { releaseTime } from '../logic/snapshot-fields';
import type { SnapshotRow } from '../logic/snapshot-row';
import type { SnapshotColumnId } from '../logic/snapshot-table-preferences';
import { SnapshotProgress } from '@/components/SnapshotProgress';
import { SnapshotStatusIndicator } from './SnapshotStatusIndicator';
import { SourceDisk } from './SourceDisk';

export type SnapshotColumn = ResourceListColumn<SnapshotRow> & { readonly id: SnapshotColumnId };

/** Kept until deleted sorts after any number of days. */
const retentionOrder = (row: SnapshotRow) => row.retentionDays ?? Number.POSITIVE_INFINITY;

/** Every column of the snapshot list; the preferences choose which show and in what order. */
export function useSnapshotColumns(
  regionId: string,
  disksById: ReadonlyMap<string, DiskSummary> | undefined,
): readonly SnapshotColumn[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(
    (): SnapshotColumn[] => [
      nameColumn(t('snapshots.columns.name'), { width: 220, minWidth: 160 }),
      idColumn(t('snapshots.columns.id')),
      {
        id: 'sourceDisk',
        header: t('snapshots.columns.sourceDisk'),
        cell: (row) => <SourceDisk regionId={regionId} row={row} disksById={disksById} />,
        sortingComparator: byText((row) => row.sourceDiskId),
        width: 260,
        minWidth: 200,
      },
      {
        id: 'status',
        header: t('snapshots.columns.status'),
        cell: (row) => <SnapshotStatusIndicator status={row.status} />,
        sortingComparator: byText((row) => row.status),
        width: 140,
        minWidth: 120,
      },
      {
        id: 'progress',
        header: t('snapshots.columns.progress'),
        cell: (row) => <SnapshotProgress snapshot={row.snapshot} />,
        sortingComparator: (a, b) => a.progress - b.progress,
        width: 200,
        minWidth: 160,
      },
      {
        id: 'created',
        header: t('snapshots.columns.created'),
        cell: (row) => formatDateTime(row.snapshot.CreationTime, locale),
        // ECS times are ISO 8601 in UTC, so text order is time order.
        sortingComparator: (a, b) => a.snapshot.CreationTime.localeCompare(b.snapshot.CreationTime),
      },
      {
        id: 'retention',
        header: t('snapshots.columns.retention'),
        cell: (row) => {
          if (row.retentionDays === undefined) return t('snapshots.retention.untilDeleted');
          const days = t('snapshots.retention.days', { count: row.retentionDays });
          const until = releaseTime(row.snapshot);
          return until
            ? `${days} (${t('snapshots.retention.until', { date: formatDateTime(until.toISOString(), locale) })})`
            : days;
        },
        sortingComparator: (a, b) => retentionOrder(a) - retentionOrder(b),
      },
      {
        id: 'encrypted',
        header: t('snapshots.columns.encrypted'),
        cell: (row) => (row.snapshot.Encrypted ? t('common.yes') : t('common.no')),
        sortingComparator: (a, b) => Number(a.snapshot.Encrypted) - Number(b.snapshot.Encrypted),
      },
      {
        id: 'usage',
        header: t('snapshots.columns.usage'),
        cell: (row) => (row.snapshot.Usage === 'none' ? '-' : t(`snapshots.usage.${row.snapshot.Usage}`)),
        sortingComparator: byText((row) => row.snapshot.Usage),
      },
      {
        id: 'snapshotType',
        header: t('snapshots.columns.snapshotType'),
        cell: (row) => t(`snapshots.snapshotType.${row.snapshot.SnapshotType}`),
        sortingComparator: byText((row) => row.snapshot.SnapshotType),
      },
      {
        id: 'tags',
        header: t('snapshots.columns.tags'),
        cell: (row) => row.tags.map((tag) => `${tag.TagKey}: ${tag.TagValue}`).join(', ') || '-',
      },
    ],
    [t, locale, regionId, disksById],
  );
}
