import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { INSTANCE_LIST, useRegionList } from '@/lib/region-list';
import { joinRefusal, MAX_GROUPS_PER_INSTANCE, useChangeMembership } from '../api/membership';

interface JoinGroupModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

const matches = (instance: InstanceSummary, text: string) => {
  const needle = text.trim().toLowerCase();
  return instance.InstanceId.toLowerCase().includes(needle) || instance.InstanceName.toLowerCase().includes(needle);
};

/**
 * Puts instances in the group: those of the group's VPC that are not in it yet. Those ECS would
 * refuse (not Running or Stopped, locked, already in five groups) are listed but cannot be picked,
 * and say why.
 */
export function JoinGroupModal({ visible, ...props }: JoinGroupModalProps) {
  return visible ? <JoinGroupDialog {...props} /> : null;
}

function JoinGroupDialog({ regionId, group, onDismiss }: Omit<JoinGroupModalProps, 'visible'>) {
  const { t } = useTranslation();
  const changeMembership = useChangeMembership();
  const list = useRegionList(INSTANCE_LIST, regionId);
  const [selected, setSelected] = useState<readonly InstanceSummary[]>([]);
  const candidates = useMemo(
    () =>
      (list.data?.instances ?? []).filter((instance) => {
        const refusal = joinRefusal(instance, group);
        return refusal !== 'member' && refusal !== 'otherVpc';
      }),
    [list.data, group],
  );
  const { items, collectionProps, filterProps, filteredItemsCount } = useCollection(candidates, {
    filtering: {
      filteringFunction: matches,
      empty: <Box textAlign="center">{t('securityGroups.members.joinDialog.noInstances', { vpc: group.VpcId })}</Box>,
      noMatch: <Box textAlign="center">{t('securityGroups.members.joinDialog.noMatch')}</Box>,
    },
  });
  const refusalText = (instance: InstanceSummary) => {
    const refusal = joinRefusal(instance, group);
    return refusal
      ? t(`securityGroups.members.joinRefusal.${refusal}`, { status: instance.Status, max: MAX_GROUPS_PER_INSTANCE })
      : undefined;
  };
  const label = group.SecurityGroupName || group.SecurityGroupId;

  return (
    <FormModal
      header={t('securityGroups.members.joinDialog.title', { group: label })}
      submitText={t('securityGroups.members.joinDialog.confirm')}
      submitDisabled={selected.length === 0}
      onSubmit={() => {
        if (selected.length === 0) return;
        changeMembership({ regionId, groupId: group.SecurityGroupId, action: 'join', instances: selected });
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      {list.isError ? (
        <ApiErrorAlert error={list.error} header={t('securityGroups.members.loadFailed')} />
      ) : (
        <Table<InstanceSummary>
          {...collectionProps}
          variant="embedded"
          selectionType="multi"
          trackBy="InstanceId"
          items={items}
          selectedItems={selected}
          onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
          isItemDisabled={(instance) => joinRefusal(instance, group) !== undefined}
          loading={list.isPending}
          loadingText={t('securityGroups.members.loading')}
          ariaLabels={{
            tableLabel: t('securityGroups.members.joinDialog.instances'),
            selectionGroupLabel: t('securityGroups.members.joinDialog.instances'),
            allItemsSelectionLabel: () => t('securityGroups.members.selectAll'),
            itemSelectionLabel: (_selection, instance) =>
              t('securityGroups.members.selectInstance', { instance: instance.InstanceName || instance.InstanceId }),
          }}
          header={
            <Box variant="small">
              {t('securityGroups.members.joinDialog.description', {
                vpc: group.VpcId || '-',
                max: MAX_GROUPS_PER_INSTANCE,
              })}
            </Box>
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
            { id: 'id', header: t('securityGroups.members.columns.id'), cell: (instance) => instance.InstanceId },
            {
              id: 'name',
              header: t('securityGroups.members.columns.name'),
              cell: (instance) => instance.InstanceName || '-',
            },
            {
              id: 'status',
              header: t('securityGroups.members.columns.status'),
              cell: (instance) => <InstanceStatusIndicator status={instance.Status} />,
            },
            {
              id: 'groups',
              header: t('securityGroups.members.columns.groups'),
              cell: (instance) => (instance.SecurityGroupIds.SecurityGroupId ?? []).length,
            },
            {
              id: 'canJoin',
              header: t('securityGroups.members.columns.canJoin'),
              cell: (instance) => {
                const refusal = refusalText(instance);
                return refusal ? (
                  <StatusIndicator type="stopped">{refusal}</StatusIndicator>
                ) : (
                  <StatusIndicator type="success">{t('securityGroups.members.joinDialog.canJoin')}</StatusIndicator>
                );
              },
            },
          ]}
        />
      )}
    </FormModal>
  );
}
