import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { hasRole, type InstanceSummary, type SecurityGroupSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { TableEmptyState } from '@/components/TableEmptyState';
import { compareText } from '@/lib/compare';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { INSTANCE_LIST } from '@/lib/region-list';
import { useCurrentSession } from '@/lib/session';
import { useGroupMembers } from '../api/group-members';
import { leaveRefusal } from '../api/membership';
import { JoinGroupModal } from './JoinGroupModal';
import { LeaveGroupModal } from './LeaveGroupModal';

interface GroupMembersProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
}

const matches = (instance: InstanceSummary, text: string) => {
  const needle = text.trim().toLowerCase();
  return instance.InstanceId.toLowerCase().includes(needle) || instance.InstanceName.toLowerCase().includes(needle);
};

const privateAddresses = (instance: InstanceSummary) =>
  (instance.VpcAttributes.PrivateIpAddress.IpAddress ?? []).join(', ') || '-';

/**
 * The instances in the group, linked to their pages, with join and leave. Leave is refused here,
 * with the reason, where ECS would refuse it (an instance's last group); ECS's own refusal, should
 * the instance have changed meanwhile, is shown with the result.
 */
export function GroupMembers({ regionId, group }: GroupMembersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useCurrentSession();
  const groupId = group.SecurityGroupId;
  const members = useGroupMembers(regionId, groupId);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<'join' | 'leave'>();
  const all = members.members ?? [];
  const selected = all.filter((instance) => selectedIds.has(instance.InstanceId));
  const { items, collectionProps, filterProps, filteredItemsCount } = useCollection(all, {
    filtering: {
      filteringFunction: matches,
      empty: <TableEmptyState title={t('securityGroups.members.empty')} />,
      noMatch: <TableEmptyState title={t('securityGroups.members.noMatch')} />,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: 'InstanceName' } } },
  });

  const isAdmin = hasRole(user.role, 'admin');
  const roleRefusal = isAdmin ? undefined : t('securityGroups.members.adminOnly');
  const leaveBlocked = selected.flatMap((instance) => {
    const refusal = leaveRefusal(instance, groupId);
    return refusal ? [{ instance, refusal }] : [];
  });
  const firstBlocked = leaveBlocked[0];
  const leaveReason =
    roleRefusal ??
    (selected.length === 0
      ? t('securityGroups.members.selectToLeave')
      : firstBlocked
        ? t(`securityGroups.members.leaveRefusal.${firstBlocked.refusal}`, {
            instance: firstBlocked.instance.InstanceName || firstBlocked.instance.InstanceId,
            status: firstBlocked.instance.Status,
          })
        : undefined);

  if (members.isError && !members.data) {
    return (
      <ApiErrorAlert
        error={members.error}
        header={t('securityGroups.members.loadFailed')}
        action={<Button onClick={() => void members.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }

  return (
    <>
      <Table<InstanceSummary>
        {...collectionProps}
        variant="container"
        items={items}
        trackBy="InstanceId"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) =>
          setSelectedIds(new Set(detail.selectedItems.map((instance) => instance.InstanceId)))
        }
        loading={members.isPending}
        loadingText={t('securityGroups.members.loading')}
        wrapLines
        ariaLabels={{
          tableLabel: t('securityGroups.members.title'),
          selectionGroupLabel: t('securityGroups.members.title'),
          allItemsSelectionLabel: () => t('securityGroups.members.selectAll'),
          itemSelectionLabel: (_selection, instance) =>
            t('securityGroups.members.selectInstance', { instance: instance.InstanceName || instance.InstanceId }),
        }}
        header={
          <Header
            variant="h2"
            counter={members.members ? `(${formatCount(all.length, locale)})` : undefined}
            description={t('securityGroups.members.description')}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={leaveReason !== undefined}
                  disabledReason={leaveReason}
                  onClick={() => setOpen('leave')}
                >
                  {t('securityGroups.members.leaveButton')}
                </Button>
                <Button
                  disabled={roleRefusal !== undefined}
                  disabledReason={roleRefusal}
                  onClick={() => setOpen('join')}
                >
                  {t('securityGroups.members.joinButton')}
                </Button>
              </SpaceBetween>
            }
          >
            {t('securityGroups.members.title')}
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder={t('securityGroups.members.search')}
            filteringAriaLabel={t('securityGroups.members.search')}
            countText={t('securityGroups.members.matches', { count: filteredItemsCount ?? 0 })}
          />
        }
        columnDefinitions={[
          {
            id: 'id',
            header: t('securityGroups.members.columns.id'),
            cell: (instance) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <CopyableId id={instance.InstanceId} href={INSTANCE_LIST.pagePath(regionId, instance.InstanceId)} />
              </span>
            ),
            sortingField: 'InstanceId',
            isRowHeader: true,
          },
          {
            id: 'name',
            header: t('securityGroups.members.columns.name'),
            cell: (instance) => instance.InstanceName || '-',
            sortingField: 'InstanceName',
            sortingComparator: (a, b) => compareText(a.InstanceName, b.InstanceName),
          },
          {
            id: 'status',
            header: t('securityGroups.members.columns.status'),
            cell: (instance) => <InstanceStatusIndicator status={instance.Status} />,
            sortingField: 'Status',
          },
          {
            id: 'privateIp',
            header: t('securityGroups.members.columns.privateIp'),
            cell: privateAddresses,
          },
          {
            id: 'groups',
            header: t('securityGroups.members.columns.groups'),
            cell: (instance) => (instance.SecurityGroupIds.SecurityGroupId ?? []).length,
          },
        ]}
      />
      <JoinGroupModal
        regionId={regionId}
        group={group}
        visible={open === 'join'}
        onDismiss={() => setOpen(undefined)}
      />
      <LeaveGroupModal
        regionId={regionId}
        group={group}
        instances={selected}
        visible={open === 'leave'}
        onDismiss={() => setOpen(undefined)}
      />
    </>
  );
}
