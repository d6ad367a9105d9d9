import type { TableProps } from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { byText, idColumn, nameColumn } from '@/components/resource-list';
import { formatDateTime, formatMemoryMiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { InstanceRow } from '../logic/instance-row';
import type { InstanceColumnId } from '../logic/table-preferences';
import { instanceHref } from '../paths';
import { PublicAddresses } from './PublicAddresses';

export type InstanceColumn = TableProps.ColumnDefinition<InstanceRow> & {
  readonly id: InstanceColumnId;
  readonly header: string;
};

const firstOf = (values: readonly string[]) => values[0] ?? '';

/** Every column of the instance list; the preferences choose which show and in what order. */
export function useInstanceColumns(): readonly InstanceColumn[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(
    (): InstanceColumn[] => [
      // Names are what people scan for: the widest column, never narrower than a typical name.
      nameColumn(t('instances.columns.name'), { width: 260, minWidth: 180 }),
      idColumn(t('instances.columns.id'), (row) => instanceHref(row.instance.RegionId, row.id)),
      {
        id: 'status',
        header: t('instances.columns.status'),
        cell: (row) => <InstanceStatusIndicator status={row.status} />,
        sortingComparator: byText((row) => row.status),
        width: 140,
        minWidth: 120,
      },
      {
        id: 'instanceType',
        header: t('instances.columns.instanceType'),
        cell: (row) => row.instanceType,
        sortingComparator: byText((row) => row.instanceType),
        width: 170,
        minWidth: 130,
      },
      {
        id: 'cpuMemory',
        header: t('instances.columns.cpuMemory'),
        cell: ({ instance }) =>
          t('instances.cpuMemory', { cpu: instance.Cpu, memory: formatMemoryMiB(instance.Memory, locale) }),
        sortingComparator: (a, b) => a.instance.Cpu - b.instance.Cpu || a.instance.Memory - b.instance.Memory,
      },
      {
        id: 'zone',
        header: t('instances.columns.zone'),
        cell: (row) => row.zone,
        sortingComparator: byText((row) => row.zone),
        width: 160,
        minWidth: 120,
      },
      {
        id: 'privateIp',
        header: t('instances.columns.privateIp'),
        cell: (row) => row.privateIps.join(', ') || '-',
        sortingComparator: byText((row) => firstOf(row.privateIps)),
        width: 150,
        minWidth: 130,
      },
      {
        id: 'publicIp',
        header: t('instances.columns.publicIp'),
        cell: ({ instance }) => <PublicAddresses instance={instance} />,
        sortingComparator: byText((row) => firstOf(row.publicIps)),
        width: 200,
        minWidth: 170,
      },
      {
        id: 'os',
        header: t('instances.columns.os'),
        cell: (row) => row.osName || '-',
        sortingComparator: byText((row) => row.osName),
      },
      {
        id: 'chargeType',
        header: t('instances.columns.chargeType'),
        cell: ({ instance }) => t(`chargeType.${instance.InstanceChargeType}`),
        sortingComparator: byText((row) => row.instance.InstanceChargeType),
      },
      {
        id: 'created',
        header: t('instances.columns.created'),
        cell: ({ instance }) => formatDateTime(instance.CreationTime, locale),
        // ECS times are ISO 8601 in UTC, so text order is time order.
        sortingComparator: (a, b) => a.instance.CreationTime.localeCompare(b.instance.CreationTime),
      },
      {
        id: 'tags',
        header: t('instances.columns.tags'),
        cell: (row) => row.tags.map((tag) => `${tag.TagKey}: ${tag.TagValue}`).join(', ') || '-',
      },
    ],
    [t, locale],
  );
}
