import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Finding, Rule } from '../logic/rules';
import { portsLabel } from './rule-cells';

export type FindingKind = Finding['kind'];

/** The kinds in the order the summary lists them: what exposes the group first, tidying last. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'worldOpen',
  'overriddenByDeny',
  'shadowed',
  'duplicate',
  'mergeable',
];

/** How a rule is named in a finding: its ID and priority, which is how the tables show it. */
export function ruleRef(t: TFunction, rule: Rule): string {
  return t('securityGroups.analysis.ruleRef', { id: rule.ruleId, priority: rule.priority });
}

function ruleRefs(t: TFunction, rules: readonly Rule[]): string {
  return rules.map((rule) => ruleRef(t, rule)).join(', ');
}

/** Every rule a finding is about, the one it is about first. */
export function findingRules(finding: Finding): readonly Rule[] {
  switch (finding.kind) {
    case 'worldOpen':
      return [finding.rule];
    case 'shadowed':
    case 'overriddenByDeny':
      return [finding.rule, ...finding.by];
    case 'duplicate':
      return [finding.rule, finding.of];
    case 'mergeable':
      return finding.rules;
  }
}

/** An internet-open rule on an administrative or database port is the worst; the rest need a look. */
export function findingSeverity(finding: Finding): StatusIndicatorProps.Type {
  if (finding.kind === 'worldOpen') return finding.severity === 'high' ? 'error' : 'warning';
  return finding.kind === 'mergeable' ? 'info' : 'warning';
}

function openPorts(t: TFunction, finding: Extract<Finding, { kind: 'worldOpen' }>): string {
  if (finding.ports.length === 0) return portsLabel(t, finding.rule.ports);
  return finding.ports.map(({ port, service }) => `${service} (${port})`).join(', ');
}

function mergedInto(t: TFunction, finding: Extract<Finding, { kind: 'mergeable' }>): string {
  const { ports, cidr } = finding.merged;
  if (ports) return t('securityGroups.analysis.mergedPorts', { ports: portsLabel(t, ports) });
  if (cidr) return t('securityGroups.analysis.mergedCidr', { cidr });
  return '';
}

/**
 * A finding in a few words as the row of the rule it is about shows it, naming the other rules
 * involved (a mergeable finding shows on each of its rules' rows, naming the others).
 */
export function findingTextFor(t: TFunction, finding: Finding, row: Rule): string {
  switch (finding.kind) {
    case 'worldOpen':
      return t('securityGroups.analysis.row.worldOpen', { ports: openPorts(t, finding) });
    case 'shadowed':
      return t('securityGroups.analysis.row.shadowed', { by: ruleRefs(t, finding.by) });
    case 'duplicate':
      return t('securityGroups.analysis.row.duplicate', { of: ruleRef(t, finding.of) });
    case 'overriddenByDeny':
      return t('securityGroups.analysis.row.overriddenByDeny', { by: ruleRefs(t, finding.by) });
    case 'mergeable':
      return t('securityGroups.analysis.row.mergeable', {
        others: ruleRefs(
          t,
          finding.rules.filter((rule) => rule.ruleId !== row.ruleId),
        ),
        into: mergedInto(t, finding),
      });
  }
}

/** A finding as the summary lists it: the rules it is about, named. */
export function findingSummaryText(t: TFunction, finding: Finding): string {
  switch (finding.kind) {
    case 'worldOpen':
      return t('securityGroups.analysis.summary.worldOpen', {
        rule: ruleRef(t, finding.rule),
        ports: openPorts(t, finding),
        cidr: finding.rule.peer.kind === 'cidr' ? finding.rule.peer.cidr : '',
      });
    case 'shadowed':
      return t('securityGroups.analysis.summary.shadowed', {
        rule: ruleRef(t, finding.rule),
        by: ruleRefs(t, finding.by),
      });
    case 'duplicate':
      return t('securityGroups.analysis.summary.duplicate', {
        rule: ruleRef(t, finding.rule),
        of: ruleRef(t, finding.of),
      });
    case 'overriddenByDeny':
      return t('securityGroups.analysis.summary.overriddenByDeny', {
        rule: ruleRef(t, finding.rule),
        by: ruleRefs(t, finding.by),
      });
    case 'mergeable':
      return t('securityGroups.analysis.summary.mergeable', {
        rules: ruleRefs(t, finding.rules),
        into: mergedInto(t, finding),
      });
  }
}

/** A rules table's cell: each finding about the row's rule, with an icon for how much it matters. */
export function RuleFindings({ rule, findings }: { readonly rule: Rule; readonly findings: readonly Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <span>-</span>;
  return (
    <SpaceBetween size="xxxs">
      {findings.map((finding, index) => (
        <StatusIndicator key={`${finding.kind}-${index}`} type={findingSeverity(finding)} wrapText>
          {findingTextFor(t, finding, rule)}
        </StatusIndicator>
      ))}
    </SpaceBetween>
  );
}
