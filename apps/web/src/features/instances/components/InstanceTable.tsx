import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ResourceList,
  type ResourceListFiltering,
  type ResourceListLabels,
  type ResourceListSelection,
  type ResourceListSource,
} from '@/components/resource-list';
import { csvBlob, downloadBlob } from '@/lib/download';
import { useLocale } from '@/lib/i18n';
import { CSV_COLUMNS, instancesCsv, instancesCsvFilename, type CsvColumn } from '../logic/csv-export';
import { filteringOptionsOf, filterRows, matchesQuery, tagKeysOf } from '../logic/filtering';
import { toInstanceRows, type InstanceRow } from '../logic/instance-row';
import { countByStatus } from '../logic/status';
import { PAGE_SIZES } from '../logic/table-preferences';
import type { InstanceSummary } from '@ecs-console/contract';
import { useInstanceColumns } from './instance-columns';
import { InstanceActions } from './InstanceActions';
import { StatusCounts } from './StatusCounts';
import { TablePreferences } from './TablePreferences';
import { useFilteringProperties } from './use-filtering-properties';
import { useTablePreferences } from './use-table-preferences';

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
  const [preferences, setPreferences] = useTablePreferences();
  const columns = useInstanceColumns();

  const rows = useMemo(() => instances && toInstanceRows(instances, locale), [instances, locale]);
  const tagKeys = useMemo(() => tagKeysOf(rows ?? []), [rows]);
  const properties = useFilteringProperties(tagKeys);
  const filtering = useMemo(
    (): ResourceListFiltering<InstanceRow> => ({
      properties,
      options: filteringOptionsOf(rows ?? []).map((option) =>
        option.propertyKey === 'status'
          ? { ...option, label: t(`instanceStatus.${option.value as InstanceSummary['Status']}`) }
          : option,
      ),
      match: matchesQuery,
      filterItems: filterRows,
      customGroupsText: [
        {
          group: 'tags',
          properties: t('instances.filter.tagProperties'),
          values: t('instances.filter.tagPropertyValues'),
        },
      ],
    }),
    [properties, rows, t],
  );

  const counts = useMemo(() => instances && countByStatus(instances), [instances]);
  const renderSummary = useCallback(() => counts && <StatusCounts counts={counts} />, [counts]);

  const exportCsv = useCallback(
    (filteredRows: readonly InstanceRow[]) => {
      const headings = Object.fromEntries(
        CSV_COLUMNS.map((column) => [column, t(`instances.csv.${column}`)]),
      ) as Record<CsvColumn, string>;
      downloadBlob(instancesCsvFilename(regionId, new Date()), csvBlob(instancesCsv(filteredRows, headings)));
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
        <TablePreferences preferences={shown} columns={columns} onChange={onConfirm} />
      )}
      renderSummary={renderSummary}
      renderActions={renderActions}
      onExport={exportCsv}
    />
  );
}
