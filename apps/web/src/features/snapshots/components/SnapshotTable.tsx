import type { DiskSummary, SnapshotSummary } from '@ecs-console/contract';
import { useCallback, useMemo } from 'react';
import {
  countByStatus,
  listCsvFilename,
  ResourceList,
  rowId,
  rowLabel,
  rowsCsv,
  StatusCounts,
  useRowFiltering,
  type ResourceListCsv,
  type ResourceListLabels,
  type ResourceListSelection,
  type ResourceListSource,
} from '@/components/resource-list';
import { useLocale } from '@/lib/i18n';
import { SNAPSHOT_CSV_COLUMNS, SNAPSHOT_CSV_VALUES, type SnapshotCsvColumn } from '../logic/snapshot-csv';
import { SNAPSHOT_FILTERING } from '../logic/snapshot-filtering';
import { toSnapshotRows, type SnapshotRow } from '../logic/snapshot-row';
import { SNAPSHOT_STATUSES } from '../logic/snapshot-status';
import { SNAPSHOT_PREFERENCES_NAME, SNAPSHOT_TABLE_PREFERENCES } from '../logic/snapshot-table-preferences';
import { useSnapshotColumns } from './snapshot-columns';
import { SnapshotActions } from './SnapshotActions';
import { SnapshotStatusIndicator } from './SnapshotStatusIndicator';

const LABELS: ResourceListLabels = {
  title: 'snapshots.title',
  loading: 'snapshots.loading',
  loadFailed: 'snapshots.loadFailed',
  emptyTitle: 'snapshots.empty.title',
  emptySubtitle: 'snapshots.empty.subtitle',
  noMatchTitle: 'snapshots.noMatch.title',
  filterAriaLabel: 'snapshots.filter.ariaLabel',
  filterPlaceholder: 'snapshots.filter.placeholder',
  refresh: 'snapshots.refresh',
  selectionGroup: 'snapshots.selectionGroup',
  selectAll: 'snapshots.selectAll',
  selectItem: 'snapshots.selectItem',
  pageSizeOption: 'snapshots.pageSizeOption',
};

const PREFERENCES = { name: SNAPSHOT_PREFERENCES_NAME, model: SNAPSHOT_TABLE_PREFERENCES };

const buildCsv = (rows: readonly SnapshotRow[], headings: Readonly<Record<SnapshotCsvColumn, string>>) =>
  rowsCsv(rows, SNAPSHOT_CSV_COLUMNS, SNAPSHOT_CSV_VALUES, headings);

const statusIndicator = (status: string) => <SnapshotStatusIndicator status={status} />;

interface SnapshotTableProps {
  readonly regionId: string;
  /** `undefined` until the first answer. */
  readonly snapshots: readonly SnapshotSummary[] | undefined;
  /** The region's disks (source disks' names, whether they still exist), `undefined` until loaded. */
  readonly disks: readonly DiskSummary[] | undefined;
  readonly source: ResourceListSource;
  readonly onRefresh: () => Promise<unknown>;
}

/**
 * The region's snapshots on the console's resource list. Everything derived from the data (rows,
 * suggestions, tag properties, status counts) is computed once per fetch, never per keystroke;
 * progressing snapshots are polled by the region list, so their bars move by themselves.
 */
export function SnapshotTable({ regionId, snapshots, disks, source, onRefresh }: SnapshotTableProps) {
  const locale = useLocale();
  const disksById = useMemo(() => disks && new Map(disks.map((disk) => [disk.DiskId, disk])), [disks]);
  const columns = useSnapshotColumns(regionId, disksById);

  const rows = useMemo(() => snapshots && toSnapshotRows(snapshots, locale), [snapshots, locale]);
  const filtering = useRowFiltering(rows, SNAPSHOT_FILTERING);

  const counts = useMemo(() => snapshots && countByStatus(snapshots, SNAPSHOT_STATUSES), [snapshots]);
  const renderSummary = useCallback(
    () => counts && <StatusCounts statuses={SNAPSHOT_STATUSES} counts={counts} indicator={statusIndicator} />,
    [counts],
  );

  const renderActions = useCallback(
    ({ selectedItems, notShownIds }: ResourceListSelection<SnapshotRow>) => (
      <SnapshotActions
        regionId={regionId}
        snapshots={selectedItems.map((row) => row.snapshot)}
        notShownIds={notShownIds}
        allSnapshots={snapshots}
        disks={disks}
      />
    ),
    [regionId, snapshots, disks],
  );

  const csv: ResourceListCsv<SnapshotRow, SnapshotCsvColumn> = {
    columns: SNAPSHOT_CSV_COLUMNS,
    heading: (column) => `snapshots.csv.${column}`,
    build: buildCsv,
    filename: (now) => listCsvFilename('snapshots', regionId, now),
  };

  return (
    <ResourceList
      items={rows}
      source={source}
      onRefresh={onRefresh}
      columns={columns}
      trackBy={rowId}
      itemLabel={rowLabel}
      filtering={filtering}
      labels={LABELS}
      labelValues={{ regionId }}
      preferences={PREFERENCES}
      renderSummary={renderSummary}
      renderActions={renderActions}
      csv={csv}
    />
  );
}
