import Box from '@cloudscape-design/components/box';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { INSTANCE_LIST, useRegionList } from '@/lib/region-list';
import type { InstanceSummary } from '@ecs-console/contract';

/** Rows per page of the picker. */
const PAGE_SIZE = 8;

/**
 * Instances a disk of `zoneId` can be attached to: in that zone (`ResourcesNotInSameZone`), Running
 * or Stopped (`IncorrectInstanceStatus`) and not locked (`InstanceLockedForSecurity`,
 * `InstanceExpiredOrInArrears`).
 */
export function attachableInstances(instances: readonly InstanceSummary[], zoneId: string): InstanceSummary[] {
  return instances.filter(
    (instance) =>
      instance.ZoneId === zoneId &&
      (instance.Status === 'Running' || instance.Status === 'Stopped') &&
      (instance.OperationLocks.LockReason ?? []).length === 0,
  );
}

/** Whether an instance matches what the user typed: part of its ID or name, any case. */
function matches(instance: InstanceSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return (
    needle === '' ||
    instance.InstanceId.toLowerCase().includes(needle) ||
    instance.InstanceName.toLowerCase().includes(needle)
  );
}

interface InstancePickerProps {
  readonly regionId: string;
  readonly zoneId: string;
  readonly selectedId: string | undefined;
  readonly onChange: (instance: InstanceSummary) => void;
}

/** Picks the instance to attach a disk to, among those that can take it, searchable by name or ID. */
export function InstancePicker({ regionId, zoneId, selectedId, onChange }: InstancePickerProps) {
  const { t } = useTranslation();
  const list = useRegionList(INSTANCE_LIST, regionId);
  const eligible = useMemo(() => attachableInstances(list.data?.instances ?? [], zoneId), [list.data, zoneId]);
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(eligible, {
    filtering: {
      filteringFunction: matches,
      empty: <Box textAlign="center">{t('disks.actions.attach.noInstances', { zone: zoneId })}</Box>,
      noMatch: <Box textAlign="center">{t('disks.actions.attach.noMatch')}</Box>,
    },
    pagination: { pageSize: PAGE_SIZE },
  });
  if (list.isError) return <ApiErrorAlert error={list.error} header={t('disks.actions.attach.loadFailed')} />;
  const selected = eligible.filter((instance) => instance.InstanceId === selectedId);

  return (
    <Table
      {...collectionProps}
      variant="embedded"
      selectionType="single"
      trackBy="InstanceId"
      items={items}
      selectedItems={selected}
      onSelectionChange={({ detail }) => {
        const [instance] = detail.selectedItems;
        if (instance) onChange(instance);
      }}
      loading={list.isPending}
      loadingText={t('disks.actions.attach.loading')}
      ariaLabels={{
        tableLabel: t('disks.actions.attach.instances'),
        selectionGroupLabel: t('disks.actions.attach.instances'),
        itemSelectionLabel: (_selection, instance) =>
          instance.InstanceName ? `${instance.InstanceId} ${instance.InstanceName}` : instance.InstanceId,
      }}
      header={<Box variant="small">{t('disks.actions.attach.instancesDescription', { zone: zoneId })}</Box>}
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder={t('disks.actions.attach.search')}
          filteringAriaLabel={t('disks.actions.attach.search')}
          countText={t('disks.actions.attach.matches', { count: filteredItemsCount ?? 0 })}
        />
      }
      pagination={<Pagination {...paginationProps} />}
      columnDefinitions={[
        { id: 'id', header: t('disks.actions.attach.columns.id'), cell: (instance) => instance.InstanceId },
        {
          id: 'name',
          header: t('disks.actions.attach.columns.name'),
          cell: (instance) => instance.InstanceName || '-',
        },
        {
          id: 'status',
          header: t('disks.actions.attach.columns.status'),
          cell: (instance) => <InstanceStatusIndicator status={instance.Status} />,
        },
      ]}
    />
  );
}
