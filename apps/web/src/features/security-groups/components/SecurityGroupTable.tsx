import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
import { GROUP_CSV_COLUMNS, groupsCsv, groupsCsvFilename, type GroupCsvColumn } from '../logic/group-csv';
import { GROUP_FILTERING } from '../logic/group-filtering';
import { toGroupRows, type SecurityGroupRow } from '../logic/group-row';
import { GROUP_TABLE_PREFERENCES } from '../logic/group-table-preferences';
import { useSecurityGroupColumns } from './security-group-columns';
import { SecurityGroupActions } from './SecurityGroupActions';

const LABELS: ResourceListLabels = {
  title: 'securityGroups.list.title',
  loading: 'securityGroups.list.loading',
  loadFailed: 'securityGroups.list.loadFailed',
  emptyTitle: 'securityGroups.list.empty.title',
  emptySubtitle: 'securityGroups.list.empty.subtitle',
  noMatchTitle: 'securityGroups.list.noMatch.title',
  filterAriaLabel: 'securityGroups.list.filter.ariaLabel',
  filterPlaceholder: 'securityGroups.list.filter.placeholder',
  refresh: 'securityGroups.list.refresh',
  selectionGroup: 'securityGroups.list.selectionGroup',
  selectAll: 'securityGroups.list.selectAll',
  selectItem: 'securityGroups.list.selectItem',
  pageSizeOption: 'securityGroups.list.pageSizeOption',
};

const PREFERENCES = { name: 'security-groups-table', model: GROUP_TABLE_PREFERENCES };

/** The header's counts: groups of each type, and groups with high-severity findings. */
const SUMMARY_KINDS = ['basic', 'advanced', 'withFindings'] as const;
type SummaryKind = (typeof SUMMARY_KINDS)[number];

function countKinds(rows: readonly SecurityGroupRow[]): Record<SummaryKind, number> {
  const counts: Record<SummaryKind, number> = { basic: 0, advanced: 0, withFindings: 0 };
  for (const row of rows) {
    counts[row.type] += 1;
    if (row.highFindingCount > 0) counts.withFindings += 1;
  }
  return counts;
}

interface SecurityGroupTableProps {
  readonly regionId: string;
  /** `undefined` until the first answer. */
  readonly groups: readonly SecurityGroupSummary[] | undefined;
  /** The region's instances, for each group's members; `undefined` until loaded (ECS's counts show until then). */
  readonly instances: readonly InstanceSummary[] | undefined;
  readonly source: ResourceListSource;
  readonly onRefresh: () => Promise<unknown>;
}

/**
 * The region's security groups on the console's resource list. Everything derived from the data
 * (rows with their rule analysis, suggestions, counts) is computed once per fetch, never per keystroke.
 */
export function SecurityGroupTable({ regionId, groups, instances, source, onRefresh }: SecurityGroupTableProps) {
  const { t } = useTranslation();
  const columns = useSecurityGroupColumns(regionId);

  const rows = useMemo(() => groups && toGroupRows(groups, instances), [groups, instances]);
  const filtering = useRowFiltering(rows, GROUP_FILTERING);

  const counts = useMemo(() => rows && countKinds(rows), [rows]);
  const renderSummary = useCallback(
    () =>
      counts && (
        <StatusCounts
          statuses={SUMMARY_KINDS}
          counts={counts}
          indicator={(kind) => (
            <StatusIndicator type={kind === 'withFindings' ? 'warning' : 'info'}>
              {t(`securityGroups.list.summary.${kind}`)}
            </StatusIndicator>
          )}
        />
      ),
    [counts, t],
  );

  const renderActions = useCallback(
    ({ selectedItems, notShownIds }: ResourceListSelection<SecurityGroupRow>) => (
      <SecurityGroupActions
        regionId={regionId}
        selected={selectedItems.map((row) => row.group)}
        groups={groups ?? []}
        instances={instances}
        notShownIds={notShownIds}
      />
    ),
    [regionId, groups, instances],
  );

  const csv: ResourceListCsv<SecurityGroupRow, GroupCsvColumn> = {
    columns: GROUP_CSV_COLUMNS,
    heading: (column) => `securityGroups.list.csv.${column}`,
    build: groupsCsv,
    filename: (now) => groupsCsvFilename(regionId, now),
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
