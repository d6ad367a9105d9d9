import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ItemPageLoadState } from '@/components/ItemPageLoadState';
import {
  INSTANCE_LIST,
  regionListItemQueryKey,
  regionListQueryKey,
  SECURITY_GROUP_LIST,
  useRefetchShown,
  useRegionListItem,
} from '@/lib/region-list';
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

/**
 * `/security-groups/:regionId/:groupId`: the group, what its rules let through (each direction in
 * evaluation order, with the analysis's findings), the access check that marks the deciding rule,
 * and its members.
 */
export function SecurityGroupDetailPage() {
  const { t } = useTranslation();
  const { regionId = '', groupId = '' } = useParams();
  const { state, items: groups } = useRegionListItem(SECURITY_GROUP_LIST, regionId, groupId);
  const group = state.kind === 'found' ? state.item : undefined;
  const refetchShown = useRefetchShown();
  // The user's Refresh: the group (from the list, or by ID while the list lacks it) and its members.
  const refresh = () =>
    void refetchShown([
      regionListQueryKey(SECURITY_GROUP_LIST, regionId),
      regionListQueryKey(INSTANCE_LIST, regionId),
      regionListItemQueryKey(SECURITY_GROUP_LIST, regionId, groupId),
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
      <ItemPageLoadState
        state={state}
        texts={{
          loadFailed: t('securityGroups.detail.loadFailed'),
          notFoundTitle: t('securityGroups.detail.notFound.title'),
          notFoundBody: t('securityGroups.detail.notFound.body', { groupId, regionId }),
          back: { href: '/security-groups', text: t('securityGroups.detail.notFound.back') },
        }}
      />
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
