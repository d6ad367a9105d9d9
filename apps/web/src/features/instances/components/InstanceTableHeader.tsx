import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { csvBlob, downloadBlob } from '@/lib/download';
import { formatCount, formatTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { CSV_COLUMNS, instancesCsv, instancesCsvFilename, type CsvColumn } from '../logic/csv-export';
import type { InstanceRow } from '../logic/instance-row';
import { countByStatus } from '../logic/status';
import type { InstanceSummary } from '@ecs-console/contract';
import { InstanceActions } from './InstanceActions';
import styles from './instance-table-header.module.css';
import { StatusCounts } from './StatusCounts';

interface InstanceTableHeaderProps {
  readonly regionId: string;
  readonly instances: readonly InstanceSummary[];
  readonly selectedInstances: readonly InstanceSummary[];
  /** Every row the filter lets through, in the table's order: what the CSV export writes. */
  readonly filteredRows: readonly InstanceRow[];
  readonly updatedAt: number;
  readonly onRefresh: () => Promise<unknown>;
}

export function InstanceTableHeader({
  regionId,
  instances,
  selectedInstances,
  filteredRows,
  updatedAt,
  onRefresh,
}: InstanceTableHeaderProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = useMemo(() => countByStatus(instances), [instances]);
  // Only a click shows the button busy; the automatic refreshes happen quietly.
  const [refreshing, setRefreshing] = useState(false);

  const total = formatCount(instances.length, locale);
  const counter =
    selectedInstances.length > 0 ? `(${formatCount(selectedInstances.length, locale)}/${total})` : `(${total})`;

  const exportCsv = () => {
    const headings = Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(`instances.csv.${column}`)])) as Record<
      CsvColumn,
      string
    >;
    downloadBlob(instancesCsvFilename(regionId, new Date()), csvBlob(instancesCsv(filteredRows, headings)));
  };

  return (
    <Header
      variant="h1"
      counter={counter}
      description={
        <span className={styles['inline-group']}>
          <StatusCounts counts={counts} />
          {updatedAt > 0 && (
            <Box variant="small" color="text-body-secondary">
              {t('instances.updatedAt', { time: formatTime(updatedAt, locale) })}
            </Box>
          )}
        </span>
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button
            iconName="refresh"
            ariaLabel={t('instances.refresh')}
            loading={refreshing}
            onClick={() => {
              setRefreshing(true);
              void onRefresh().finally(() => setRefreshing(false));
            }}
          />
          <Button iconName="download" disabled={filteredRows.length === 0} onClick={exportCsv}>
            {t('instances.exportCsv')}
          </Button>
          <InstanceActions instances={selectedInstances} />
        </SpaceBetween>
      }
    >
      {t('instances.title')}
    </Header>
  );
}
