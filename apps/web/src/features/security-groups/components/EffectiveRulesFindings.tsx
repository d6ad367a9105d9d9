import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Finding, Rule } from '../logic/rules';
import { portsLabel } from './rule-cells';
import { findingRules } from './RuleFindings';

/** A rule as a finding names it: its ID and the group it comes from. */
function ruleName(rule: Rule): string {
  return `${rule.ruleId} (${rule.groupName || rule.groupId})`;
}

/**
 * What only the instance's merged view shows: a rule of one group that another group's rule
 * duplicates, shadows or overrides, and what is open to the whole internet on the instance whatever
 * group opened it (not a rule that never decides: an earlier deny of another group closes it).
 * Rules that could be merged are left to the groups' pages: only rules of one group can be merged.
 */
export function instanceLevelFindings(findings: readonly Finding[]): Finding[] {
  const neverDecide = new Set(
    findings.flatMap((finding) =>
      finding.kind === 'mergeable' || finding.kind === 'worldOpen' ? [] : [finding.rule.ruleId],
    ),
  );
  return findings.filter((finding) => {
    if (finding.kind === 'worldOpen') return !neverDecide.has(finding.rule.ruleId);
    if (finding.kind === 'mergeable') return false;
    return new Set(findingRules(finding).map((rule) => rule.groupId)).size > 1;
  });
}

function findingText(t: TFunction, finding: Finding): string {
  switch (finding.kind) {
    case 'worldOpen':
      return t('securityGroups.effective.findings.worldOpen', {
        rule: ruleName(finding.rule),
        services: finding.ports.map(({ port, service }) => `${service} ${port}`).join(', '),
        ports: portsLabel(t, finding.rule.ports),
      });
    case 'shadowed':
      return t('securityGroups.effective.findings.shadowed', {
        rule: ruleName(finding.rule),
        by: finding.by.map(ruleName).join(', '),
      });
    case 'duplicate':
      return t('securityGroups.effective.findings.duplicate', {
        rule: ruleName(finding.rule),
        of: ruleName(finding.of),
      });
    case 'overriddenByDeny':
      return t('securityGroups.effective.findings.overriddenByDeny', {
        rule: ruleName(finding.rule),
        by: finding.by.map(ruleName).join(', '),
      });
    case 'mergeable':
      return '';
  }
}

interface EffectiveRulesFindingsProps {
  /** The findings on the merged rules, both directions. */
  readonly findings: readonly Finding[];
  readonly groupCount: number;
}

/** The findings of the merged rules that concern the instance as a whole, in words. */
export function EffectiveRulesFindings({ findings, groupCount }: EffectiveRulesFindingsProps) {
  const { t } = useTranslation();
  const shown = instanceLevelFindings(findings);
  const title = t('securityGroups.effective.findings.title');
  return (
    <section aria-label={title}>
      <Container
        header={
          <Header variant="h2" description={t('securityGroups.effective.findings.description', { count: groupCount })}>
            {title}
          </Header>
        }
      >
        {shown.length === 0 ? (
          <StatusIndicator type="success">{t('securityGroups.effective.findings.none')}</StatusIndicator>
        ) : (
          <SpaceBetween size="xs">
            {shown.map((finding) => (
              <StatusIndicator
                key={`${finding.kind}:${findingRules(finding)
                  .map((rule) => rule.ruleId)
                  .join(',')}`}
                type={finding.kind === 'worldOpen' ? 'error' : 'warning'}
              >
                {findingText(t, finding)}
              </StatusIndicator>
            ))}
            <Box variant="small" color="text-body-secondary">
              {t('securityGroups.effective.findings.inline')}
            </Box>
          </SpaceBetween>
        )}
      </Container>
    </section>
  );
}
