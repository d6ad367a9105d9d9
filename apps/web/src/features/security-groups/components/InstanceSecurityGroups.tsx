import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { TableEmptyState } from '@/components/TableEmptyState';
import { useUserRefetch } from '@/lib/background-fetch';
import { regionListQueryKey, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { useSecurityGroupList } from '../api/security-group-list';
import { EffectiveRules } from './EffectiveRules';

/** One of the instance's groups; `group` is absent when the region's listing does not have it (yet). */
interface InstanceGroupRow {
  readonly groupId: string;
  readonly group?: SecurityGroupSummary;
}

function ruleCount(group: SecurityGroupSummary, direction: 'ingress' | 'egress'): number {
  return group.Permissions.filter((permission) => permission.Direction === direction).length;
}

/**
 * The instance page's security groups: the groups it is in (linked to their pages), then what they
 * let through together: the rules of all of them merged as ECS evaluates them, their findings, and
 * the access check with the instance as its target.
 */
export function InstanceSecurityGroups({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const regionId = instance.RegionId;
  const list = useSecurityGroupList(regionId);
  const retry = useUserRefetch(regionListQueryKey(SECURITY_GROUP_LIST, regionId), list.refetch);
  const groupIds = instance.SecurityGroupIds.SecurityGroupId ?? [];
  const groupsById = useMemo(
    () => new Map((list.data?.securityGroups ?? []).map((group) => [group.SecurityGroupId, group])),
    [list.data],
  );
  const rows: InstanceGroupRow[] = groupIds.map((groupId) => ({ groupId, group: groupsById.get(groupId) }));
  const groupIdsKey = groupIds.join(',');
  // In the instance's order (ECS's), which is also how ties between its groups are broken.
  const groups = useMemo(
    () => groupIdsKey.split(',').flatMap((groupId) => groupsById.get(groupId) ?? []),
    [groupIdsKey, groupsById],
  );
  const label = instance.InstanceName || instance.InstanceId;

  if (list.isError && !list.data) {
    return (
      <ApiErrorAlert
        error={list.error}
        header={t('instanceDetail.securityGroups.loadFailed')}
        action={<Button onClick={() => void retry()}>{t('common.retry')}</Button>}
      />
    );
  }

  const missing = list.data ? rows.filter((row) => !row.group).map((row) => row.groupId) : [];

  return (
    <SpaceBetween size="l">
      <Table<InstanceGroupRow>
        variant="container"
        header={
          <Header
            variant="h2"
            counter={`(${groupIds.length})`}
            description={t('instanceDetail.securityGroups.description')}
          >
            {t('instanceDetail.securityGroups.title')}
          </Header>
        }
        items={rows}
        trackBy="groupId"
        loading={list.isPending}
        loadingText={t('instanceDetail.securityGroups.loading')}
        ariaLabels={{ tableLabel: t('instanceDetail.securityGroups.title') }}
        wrapLines
        columnDefinitions={[
          {
            id: 'id',
            header: t('instanceDetail.securityGroups.id'),
            cell: ({ groupId }) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <CopyableId id={groupId} href={SECURITY_GROUP_LIST.pagePath(regionId, groupId)} />
              </span>
            ),
            isRowHeader: true,
          },
          {
            id: 'name',
            header: t('instanceDetail.securityGroups.name'),
            cell: ({ group }) =>
              group ? (
                group.SecurityGroupName || '-'
              ) : (
                <Box color="text-status-warning">{t('instanceDetail.securityGroups.notListed')}</Box>
              ),
          },
          {
            id: 'type',
            header: t('instanceDetail.securityGroups.type'),
            cell: ({ group }) => (group ? t(`instanceDetail.securityGroups.types.${group.SecurityGroupType}`) : '-'),
          },
          {
            id: 'innerAccess',
            header: t('instanceDetail.securityGroups.innerAccess'),
            cell: ({ group }) =>
              group ? t(`instanceDetail.securityGroups.innerAccessPolicy.${group.InnerAccessPolicy}`) : '-',
          },
          {
            id: 'inbound',
            header: t('instanceDetail.securityGroups.inbound'),
            cell: ({ group }) => (group ? ruleCount(group, 'ingress') : '-'),
          },
          {
            id: 'outbound',
            header: t('instanceDetail.securityGroups.outbound'),
            cell: ({ group }) => (group ? ruleCount(group, 'egress') : '-'),
          },
        ]}
        empty={<TableEmptyState title={t('instanceDetail.securityGroups.empty')} />}
      />
      {missing.length > 0 && (
        <Box color="text-status-warning" variant="p">
          {t('instanceDetail.securityGroups.partial', { count: missing.length, ids: missing.join(', ') })}
        </Box>
      )}
      {groups.length > 0 && (
        <EffectiveRules regionId={regionId} groups={groups} groupsById={groupsById} targetLabel={label} />
      )}
    </SpaceBetween>
  );
}
