import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { InternalLink } from '@/components/InternalLink';
import { byText, idColumn, nameColumn, type ResourceListColumn } from '@/components/resource-list';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { INSTANCE_LIST, SECURITY_GROUP_LIST } from '@/lib/region-list';
import type { SecurityGroupRow } from '../logic/group-row';
import type { GroupColumnId } from '../logic/group-table-preferences';

export type SecurityGroupColumn = ResourceListColumn<SecurityGroupRow> & { readonly id: GroupColumnId };

/** Members named in the cell; the group page lists them all. */
const MEMBERS_SHOWN = 3;

const byNumber =
  (value: (row: SecurityGroupRow) => number) =>
  (a: SecurityGroupRow, b: SecurityGroupRow): number =>
    value(a) - value(b);

/** How many instances are in the group, and the first few, linked to their pages. */
function Members({ row, regionId }: { readonly row: SecurityGroupRow; readonly regionId: string }) {
  const locale = useLocale();
  const shown = (row.members ?? []).slice(0, MEMBERS_SHOWN);
  return (
    <span>
      <Box variant="span" padding={{ right: 'xs' }}>
        {formatCount(row.memberCount, locale)}
      </Box>
      {shown.map((member, index) => (
        <Box key={member.id} variant="span" padding={{ right: 'xxs' }}>
          <InternalLink href={INSTANCE_LIST.pagePath(regionId, member.id)}>{member.name || member.id}</InternalLink>
          {index < shown.length - 1 || row.memberCount > shown.length ? ',' : ''}
        </Box>
      ))}
      {row.memberCount > shown.length && shown.length > 0 && '…'}
    </span>
  );
}

/** Every column of the Security groups list; the preferences choose which show and in what order. */
export function useSecurityGroupColumns(regionId: string): readonly SecurityGroupColumn[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo((): SecurityGroupColumn[] => {
    const count = (value: number) => formatCount(value, locale);
    return [
      idColumn(t('securityGroups.list.columns.id'), (row) => SECURITY_GROUP_LIST.pagePath(regionId, row.id)),
      nameColumn(t('securityGroups.list.columns.name'), { width: 170, minWidth: 120 }),
      {
        id: 'vpcId',
        header: t('securityGroups.list.columns.vpcId'),
        cell: (row) => (row.vpcId ? <CopyableId id={row.vpcId} /> : t('securityGroups.list.classic')),
        sortingComparator: byText((row) => row.vpcId),
        width: 200,
      },
      {
        id: 'type',
        header: t('securityGroups.list.columns.type'),
        cell: (row) => t(`securityGroups.list.type.${row.type}`),
        sortingComparator: byText((row) => row.type),
        width: 110,
      },
      {
        id: 'inbound',
        header: t('securityGroups.list.columns.inbound'),
        cell: (row) => count(row.inboundCount),
        sortingComparator: byNumber((row) => row.inboundCount),
        width: 120,
      },
      {
        id: 'outbound',
        header: t('securityGroups.list.columns.outbound'),
        cell: (row) => count(row.outboundCount),
        sortingComparator: byNumber((row) => row.outboundCount),
        width: 120,
      },
      {
        id: 'members',
        header: t('securityGroups.list.columns.members'),
        cell: (row) => <Members row={row} regionId={regionId} />,
        sortingComparator: byNumber((row) => row.memberCount),
        width: 200,
      },
      {
        id: 'findings',
        header: t('securityGroups.list.columns.findings'),
        cell: (row) =>
          row.highFindingCount > 0 ? (
            <StatusIndicator type="warning">
              {t('securityGroups.list.findings', { count: row.highFindingCount })}
            </StatusIndicator>
          ) : (
            t('securityGroups.list.noFindings')
          ),
        sortingComparator: byNumber((row) => row.highFindingCount),
        width: 150,
      },
      {
        id: 'innerAccessPolicy',
        header: t('securityGroups.list.columns.innerAccessPolicy'),
        cell: (row) => t(`securityGroups.list.innerAccessPolicy.${row.innerAccessPolicy}`),
        sortingComparator: byText((row) => row.innerAccessPolicy),
      },
      {
        id: 'description',
        header: t('securityGroups.list.columns.description'),
        cell: (row) => row.description || '-',
        sortingComparator: byText((row) => row.description),
        width: 240,
      },
      {
        id: 'tags',
        header: t('securityGroups.list.columns.tags'),
        cell: (row) => row.tags.map((tag) => `${tag.TagKey}: ${tag.TagValue}`).join(', ') || '-',
      },
      {
        id: 'created',
        header: t('securityGroups.list.columns.created'),
        cell: (row) => formatDateTime(row.group.CreationTime, locale),
        // ECS times are ISO 8601 in UTC, so text order is time order.
        sortingComparator: (a, b) => a.group.CreationTime.localeCompare(b.group.CreationTime),
      },
    ];
  }, [t, locale, regionId]);
}
