import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { InternalLink } from '@/components/InternalLink';
import { markUserRequest } from '@/lib/background-fetch';
import { INSTANCE_LIST, regionListQueryKey, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { groupByIdQueryKey, useGroupDetail } from '../api/group-detail';
import { useGroupMembers } from '../api/group-members';
import { AccessCheckPanel } from '../components/AccessCheckPanel';
import { AnalysisSummary } from '../components/AnalysisSummary';
import { GroupMembers } from '../components/GroupMembers';
import { GroupOverview } from '../components/GroupOverview';
import { GroupPageActions } from '../components/GroupPageActions';
import { GroupRules } from '../components/GroupRules';
import { groupsReferencing } from '../logic/group-references';
import { analyseRules, findingsByRuleId, rulesOf, type Direction } from '../logic/rules';

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** The user's Refresh: the queries the page shows are fetched again, as the user's request. */
function useRefreshShown(queryKeys: readonly QueryKey[]): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of queryKeys) {
      if (!queryClient.getQueryCache().find({ queryKey, exact: true })?.isActive()) continue;
      markUserRequest(queryClient, queryKey);
      void queryClient.refetchQueries({ queryKey, exact: true });
    }
  };
}

/**
 * `/security-groups/:regionId/:groupId`: the group, what its rules let through (each direction in
 * evaluation order, with the analysis's findings), the access check that marks the deciding rule,
 * and its members.
 */
export function SecurityGroupDetailPage() {
  const { t } = useTranslation();
  const { regionId = '', groupId = '' } = useParams();
  const { state, groups } = useGroupDetail(regionId, groupId);
  const group = state.kind === 'found' ? state.group : undefined;
  const refresh = useRefreshShown([
    regionListQueryKey(SECURITY_GROUP_LIST, regionId),
    regionListQueryKey(INSTANCE_LIST, regionId),
    groupByIdQueryKey(regionId, groupId),
  ]);

  const header = (
    <Header
      variant="h1"
      description={group?.SecurityGroupName ? group.SecurityGroupId : undefined}
      actions={group && <Button iconName="refresh" ariaLabel={t('securityGroups.detail.refresh')} onClick={refresh} />}
    >
      {group?.SecurityGroupName || groupId}
    </Header>
  );

  return (
    <ContentLayout header={header}>
      {state.kind === 'failed' && (
        <ApiErrorAlert
          error={state.error}
          header={t('securityGroups.detail.loadFailed')}
          action={<Button onClick={state.retry}>{t('common.retry')}</Button>}
        />
      )}
      {state.kind === 'loading' && (
        <Box textAlign="center" padding="xxl">
          <Spinner size="large" />
        </Box>
      )}
      {state.kind === 'notFound' && (
        <Alert type="warning" header={t('securityGroups.detail.notFound.title')}>
          {t('securityGroups.detail.notFound.body', { groupId, regionId })}{' '}
          <InternalLink href="/security-groups">{t('securityGroups.detail.notFound.back')}</InternalLink>
        </Alert>
      )}
      {group && <GroupSections regionId={regionId} group={group} groups={groups ?? [group]} />}
    </ContentLayout>
  );
}

interface GroupSectionsProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  /** The region's groups. */
  readonly groups: readonly SecurityGroupSummary[];
}

function GroupSections({ regionId, group, groups }: GroupSectionsProps) {
  const { t } = useTranslation();
  const [decidingRuleId, setDecidingRuleId] = useState<string>();
  const members = useGroupMembers(regionId, group.SecurityGroupId);
  const groupsById = useMemo(() => new Map(groups.map((each) => [each.SecurityGroupId, each])), [groups]);
  const referencedBy = useMemo(() => groupsReferencing(groups, group.SecurityGroupId), [groups, group.SecurityGroupId]);
  const rulesByDirection = useMemo(() => {
    const rules = rulesOf(group);
    return new Map(DIRECTIONS.map((direction) => [direction, rules.filter((rule) => rule.direction === direction)]));
  }, [group]);
  // Each direction on its own: an inbound rule never shadows an outbound one.
  const findings = useMemo(
    () => DIRECTIONS.flatMap((direction) => analyseRules(rulesByDirection.get(direction) ?? [])),
    [rulesByDirection],
  );
  const findingsOfRule = useMemo(() => findingsByRuleId(findings), [findings]);
  const targetGroups = useMemo(() => [group], [group]);

  return (
    <SpaceBetween size="l">
      <GroupOverview
        group={group}
        regionId={regionId}
        memberCount={members.members?.length}
        referencedBy={referencedBy}
        actions={
          <GroupPageActions regionId={regionId} group={group} groups={groups} instances={members.data?.instances} />
        }
      />
      <AnalysisSummary findings={findings} />
      <AccessCheckPanel
        regionId={regionId}
        targetGroups={targetGroups}
        targetLabel={t('securityGroups.detail.accessTarget', {
          group: group.SecurityGroupName || group.SecurityGroupId,
        })}
        onDecidingRule={setDecidingRuleId}
      />
      {DIRECTIONS.map((direction) => (
        <GroupRules
          key={direction}
          regionId={regionId}
          group={group}
          direction={direction}
          rules={rulesByDirection.get(direction) ?? []}
          groupsById={groupsById}
          findings={findingsOfRule}
          highlightRuleId={decidingRuleId}
        />
      ))}
      <GroupMembers regionId={regionId} group={group} />
    </SpaceBetween>
  );
}
