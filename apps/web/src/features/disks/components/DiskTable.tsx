import type { DiskSummary, InstanceSummary } from '@ecs-console/contract';
import { useCallback, useMemo } from 'react';
import {
  countByStatus,
  ResourceList,
  rowId,
  rowLabel,
  StatusCounts,
  useRowFiltering,
  type ResourceListCsv,
  type ResourceListLabels,
  type ResourceListSelection,
  type ResourceListSource,
} from '@/components/resource-list';
import { DISK_CSV_COLUMNS, disksCsv, disksCsvFilename, type DiskCsvColumn } from '../logic/disk-csv';
import { DISK_FILTERING } from '../logic/disk-filtering';
import { toDiskRows, type DiskRow } from '../logic/disk-row';
import { DISK_STATUSES } from '../logic/disk-status';
import { DISK_TABLE_PREFERENCES } from '../logic/disk-table-preferences';
import { useDiskColumns } from './disk-columns';
import { DiskActions } from './DiskActions';
import { DiskStatusIndicator } from './DiskStatusIndicator';

const LABELS: ResourceListLabels = {
  title: 'disks.list.title',
  loading: 'disks.list.loading',
  loadFailed: 'disks.list.loadFailed',
  emptyTitle: 'disks.list.empty.title',
  emptySubtitle: 'disks.list.empty.subtitle',
  noMatchTitle: 'disks.list.noMatch.title',
  filterAriaLabel: 'disks.list.filter.ariaLabel',
  filterPlaceholder: 'disks.list.filter.placeholder',
  refresh: 'disks.list.refresh',
  selectionGroup: 'disks.list.selectionGroup',
  selectAll: 'disks.list.selectAll',
  selectItem: 'disks.list.selectItem',
  pageSizeOption: 'disks.list.pageSizeOption',
};

const PREFERENCES = { name: 'disks-table', model: DISK_TABLE_PREFERENCES };

const statusIndicator = (status: string) => <DiskStatusIndicator status={status} />;
const NO_NAMES: ReadonlyMap<string, string> = new Map();

interface DiskTableProps {
  readonly regionId: string;
  /** `undefined` until the first answer. */
  readonly disks: readonly DiskSummary[] | undefined;
  /** The region's instances, for the names of those disks are attached to; `undefined` until loaded. */
  readonly instances: readonly InstanceSummary[] | undefined;
  readonly source: ResourceListSource;
  readonly onRefresh: () => Promise<unknown>;
}

/**
 * The region's disks on the console's resource list. Everything derived from the data (rows,
 * suggestions, tag properties, status counts) is computed once per fetch, never per keystroke.
 */
export function DiskTable({ regionId, disks, instances, source, onRefresh }: DiskTableProps) {
  const columns = useDiskColumns();

  const instanceNames = useMemo(
    () => (instances ? new Map(instances.map((instance) => [instance.InstanceId, instance.InstanceName])) : NO_NAMES),
    [instances],
  );
  const rows = useMemo(() => disks && toDiskRows(disks, instanceNames), [disks, instanceNames]);
  const filtering = useRowFiltering(rows, DISK_FILTERING);

  const counts = useMemo(() => disks && countByStatus(disks, DISK_STATUSES), [disks]);
  const renderSummary = useCallback(
    () => counts && <StatusCounts statuses={DISK_STATUSES} counts={counts} indicator={statusIndicator} />,
    [counts],
  );

  const renderActions = useCallback(
    ({ selectedItems, notShownIds }: ResourceListSelection<DiskRow>) => (
      <DiskActions
        regionId={regionId}
        disks={selectedItems.map((row) => row.disk)}
        notShownIds={notShownIds}
        variant="list"
      />
    ),
    [regionId],
  );

  const csv: ResourceListCsv<DiskRow, DiskCsvColumn> = {
    columns: DISK_CSV_COLUMNS,
    heading: (column) => `disks.list.csv.${column}`,
    build: disksCsv,
    filename: (now) => disksCsvFilename(regionId, now),
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
