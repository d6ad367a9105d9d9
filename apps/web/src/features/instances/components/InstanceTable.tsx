import { useCallback, useMemo } from 'react';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import {
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
import { useLocale } from '@/lib/i18n';
import { CSV_COLUMNS, instancesCsv, instancesCsvFilename, type CsvColumn } from '../logic/csv-export';
import { INSTANCE_FILTERING } from '../logic/filtering';
import { toInstanceRows, type InstanceRow } from '../logic/instance-row';
import { countByStatus, INSTANCE_STATUSES } from '../logic/status';
import { INSTANCE_TABLE_PREFERENCES } from '../logic/table-preferences';
import type { InstanceSummary } from '@ecs-console/contract';
import { useInstanceColumns } from './instance-columns';
import { InstanceActions } from './InstanceActions';

const LABELS: ResourceListLabels = {
  title: 'instances.title',
  loading: 'instances.loading',
  loadFailed: 'instances.loadFailed',
  emptyTitle: 'instances.empty.title',
  emptySubtitle: 'instances.empty.subtitle',
  noMatchTitle: 'instances.noMatch.title',
  filterAriaLabel: 'instances.filter.ariaLabel',
  filterPlaceholder: 'instances.filter.placeholder',
  refresh: 'instances.refresh',
  selectionGroup: 'table.selectionGroup',
  selectAll: 'table.selectAll',
  selectItem: 'table.selectItem',
  pageSizeOption: 'table.pageSizeOption',
};

const PREFERENCES = { name: 'instances-table', model: INSTANCE_TABLE_PREFERENCES };

const statusIndicator = (status: string) => <InstanceStatusIndicator status={status} />;

function renderActions({ selectedItems, notShownIds }: ResourceListSelection<InstanceRow>) {
  return <InstanceActions instances={selectedItems.map((row) => row.instance)} notShownIds={notShownIds} />;
}

interface InstanceTableProps {
  readonly regionId: string;
  /** `undefined` until the first answer. */
  readonly instances: readonly InstanceSummary[] | undefined;
  readonly source: ResourceListSource;
  readonly onRefresh: () => Promise<unknown>;
}

/**
 * The region's instances on the console's resource list. Everything derived from the data (rows,
 * suggestions, tag properties, status counts) is computed once per fetch, never per keystroke.
 */
export function InstanceTable({ regionId, instances, source, onRefresh }: InstanceTableProps) {
  const locale = useLocale();
  const columns = useInstanceColumns();

  const rows = useMemo(() => instances && toInstanceRows(instances, locale), [instances, locale]);
  const filtering = useRowFiltering(rows, INSTANCE_FILTERING);

  const counts = useMemo(() => instances && countByStatus(instances), [instances]);
  const renderSummary = useCallback(
    () => counts && <StatusCounts statuses={INSTANCE_STATUSES} counts={counts} indicator={statusIndicator} />,
    [counts],
  );

  const csv: ResourceListCsv<InstanceRow, CsvColumn> = {
    columns: CSV_COLUMNS,
    heading: (column) => `instances.csv.${column}`,
    build: instancesCsv,
    filename: (now) => instancesCsvFilename(regionId, now),
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
