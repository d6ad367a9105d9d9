import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analyseRules, effectiveRules, findingsByRuleId, type Direction } from '../logic/rules';
import { AccessCheckPanel } from './AccessCheckPanel';
import { EffectiveRulesFindings } from './EffectiveRulesFindings';
import { RulesTable } from './RulesTable';

interface EffectiveRulesProps {
  readonly regionId: string;
  /** The groups the target is in, in its own order. */
  readonly groups: readonly SecurityGroupSummary[];
  /** Every group of the region, to name the groups rules refer to. */
  readonly groupsById: ReadonlyMap<string, SecurityGroupSummary>;
  /** What the groups protect, as the access check names it (the instance's name). */
  readonly targetLabel: string;
}

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/**
 * What an instance's groups let through together: the rules of all of them merged in the order ECS
 * evaluates them (lowest priority number first, deny before allow at a tie), each with the group
 * it comes from; the findings on the merged set, where duplicates and shadowing across groups show
 * that no single group's page can; and the access check, whose deciding rule is highlighted here.
 */
export function EffectiveRules({ regionId, groups, groupsById, targetLabel }: EffectiveRulesProps) {
  const { t } = useTranslation();
  const [decidingRuleId, setDecidingRuleId] = useState<string>();
  const rulesByDirection = useMemo(
    () => new Map(DIRECTIONS.map((direction) => [direction, effectiveRules(groups, direction)])),
    [groups],
  );
  // Each direction on its own: an inbound rule never shadows an outbound one.
  const findings = useMemo(
    () => DIRECTIONS.flatMap((direction) => analyseRules(rulesByDirection.get(direction) ?? [])),
    [rulesByDirection],
  );
  const findingsOfRule = useMemo(() => findingsByRuleId(findings), [findings]);

  return (
    <SpaceBetween size="l">
      <EffectiveRulesFindings findings={findings} groupCount={groups.length} />
      <AccessCheckPanel
        regionId={regionId}
        targetGroups={groups}
        targetLabel={targetLabel}
        onDecidingRule={setDecidingRuleId}
      />
      {DIRECTIONS.map((direction) => {
        const rules = rulesByDirection.get(direction) ?? [];
        return (
          <RulesTable
            key={direction}
            rules={rules}
            groupsById={groupsById}
            regionId={regionId}
            showGroupColumn
            findings={findingsOfRule}
            highlightRuleId={decidingRuleId}
            direction={direction}
            header={t(`securityGroups.effective.${direction}`)}
          />
        );
      })}
    </SpaceBetween>
  );
}
