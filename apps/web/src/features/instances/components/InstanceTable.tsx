import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import {
  downloadCsv,
  ListPreferences,
  PAGE_SIZES,
  ResourceList,
  StatusCounts,
  useListPreferences,
  useRowFiltering,
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
};

const rowId = (row: InstanceRow) => row.id;
const rowLabel = (row: InstanceRow) => row.name || row.id;
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
  const { t } = useTranslation();
  const locale = useLocale();
  const [preferences, setPreferences] = useListPreferences('instances-table', INSTANCE_TABLE_PREFERENCES);
  const columns = useInstanceColumns();

  const rows = useMemo(() => instances && toInstanceRows(instances, locale), [instances, locale]);
  const filtering = useRowFiltering(rows, INSTANCE_FILTERING);

  const counts = useMemo(() => instances && countByStatus(instances), [instances]);
  const renderSummary = useCallback(
    () => counts && <StatusCounts statuses={INSTANCE_STATUSES} counts={counts} indicator={statusIndicator} />,
    [counts],
  );

  const exportCsv = useCallback(
    (filteredRows: readonly InstanceRow[]) => {
      const headings = Object.fromEntries(
        CSV_COLUMNS.map((column) => [column, t(`instances.csv.${column}`)]),
      ) as Record<CsvColumn, string>;
      downloadCsv(instancesCsvFilename(regionId, new Date()), instancesCsv(filteredRows, headings));
    },
    [regionId, t],
  );

  const labelValues = useMemo(() => ({ regionId }), [regionId]);

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
      labelValues={labelValues}
      preferences={preferences}
      pageSizes={PAGE_SIZES}
      onPreferencesChange={setPreferences}
      renderPreferences={(shown, onConfirm) => (
        <ListPreferences
          preferences={shown}
          model={INSTANCE_TABLE_PREFERENCES}
          columns={columns}
          alwaysVisible="id"
          pageSizeLabel={(count) => t('table.pageSizeOption', { count })}
          onChange={onConfirm}
        />
      )}
      renderSummary={renderSummary}
      renderActions={renderActions}
      onExport={exportCsv}
    />
  );
}
