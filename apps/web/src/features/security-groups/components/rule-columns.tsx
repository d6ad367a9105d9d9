import Badge from '@cloudscape-design/components/badge';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { TFunction } from 'i18next';
import { CopyableId } from '@/components/CopyableId';
import { InternalLink } from '@/components/InternalLink';
import { compareText } from '@/lib/compare';
import { formatDateTime } from '@/lib/format';
import { compareEvaluationOrder, type Direction, type Finding, type PortSpan, type Rule } from '../logic/rules';
import { groupPagePath } from '../paths';
import { portsLabel, protocolLabel, RulePeerCell, RulePolicyCell, peerText } from './rule-cells';
import { RuleFindings } from './RuleFindings';

export interface RuleColumnsOptions {
  readonly t: TFunction;
  readonly locale: string;
  readonly regionId: string;
  /** Which way the rules go, for the peer's header ("Source" or "Destination"); both when mixed. */
  readonly direction: Direction | undefined;
  readonly groupsById: ReadonlyMap<string, SecurityGroupSummary> | undefined;
  /** With findings, a column shows each rule's. */
  readonly findings: ReadonlyMap<string, readonly Finding[]> | undefined;
  readonly highlightRuleId: string | undefined;
  readonly showGroupColumn: boolean;
}

const portsStart = (ports: PortSpan) => (ports === 'all' ? 0 : ports.from);

/** The attribute `RulesTable` marks the highlighted rule's row with, to scroll it into view. */
export const HIGHLIGHT_ATTRIBUTE = 'data-highlighted-rule';

function peerHeader(t: TFunction, direction: Direction | undefined): string {
  if (direction === 'ingress') return t('securityGroups.ruleCells.columns.source');
  if (direction === 'egress') return t('securityGroups.ruleCells.columns.destination');
  return t('securityGroups.ruleCells.columns.peer');
}

/** The columns of a rules table; the priority column's order is ECS's evaluation order. */
export function ruleColumns(options: RuleColumnsOptions): TableProps.ColumnDefinition<Rule>[] {
  const { t, locale, regionId, direction, groupsById, findings, highlightRuleId, showGroupColumn } = options;
  const groupName = (rule: Rule) => groupsById?.get(rule.groupId)?.SecurityGroupName || rule.groupName || rule.groupId;
  const columns: (TableProps.ColumnDefinition<Rule> | false)[] = [
    {
      id: 'priority',
      header: t('securityGroups.ruleCells.columns.priority'),
      cell: (rule) =>
        rule.ruleId === highlightRuleId ? (
          <span {...{ [HIGHLIGHT_ATTRIBUTE]: rule.ruleId }}>
            <SpaceBetween size="xxs" direction="horizontal" alignItems="center">
              <span>{rule.priority}</span>
              <Badge color="blue">{t('securityGroups.ruleCells.decidingRule')}</Badge>
            </SpaceBetween>
          </span>
        ) : (
          rule.priority
        ),
      sortingComparator: compareEvaluationOrder,
      width: 110,
    },
    {
      id: 'policy',
      header: t('securityGroups.ruleCells.columns.policy'),
      cell: (rule) => <RulePolicyCell rule={rule} />,
      sortingComparator: (a, b) => compareText(a.policy, b.policy),
      width: 100,
    },
    {
      id: 'protocol',
      header: t('securityGroups.ruleCells.columns.protocol'),
      cell: (rule) => protocolLabel(t, rule.protocol),
      sortingComparator: (a, b) => compareText(a.protocol, b.protocol),
      width: 100,
    },
    {
      id: 'ports',
      header: t('securityGroups.ruleCells.columns.ports'),
      cell: (rule) => portsLabel(t, rule.ports),
      sortingComparator: (a, b) => portsStart(a.ports) - portsStart(b.ports),
      width: 100,
    },
    {
      id: 'peer',
      header: peerHeader(t, direction),
      cell: (rule) => <RulePeerCell peer={rule.peer} regionId={regionId} groupsById={groupsById} />,
      sortingComparator: (a, b) => compareText(peerText(t, a.peer, groupsById), peerText(t, b.peer, groupsById)),
      minWidth: 160,
    },
    findings !== undefined && {
      id: 'findings',
      header: t('securityGroups.ruleCells.columns.findings'),
      cell: (rule) => <RuleFindings rule={rule} findings={findings.get(rule.ruleId) ?? []} />,
      sortingComparator: (a, b) => (findings.get(b.ruleId)?.length ?? 0) - (findings.get(a.ruleId)?.length ?? 0),
      // Findings name other rules by ID: too narrow and the IDs break mid-word.
      minWidth: 300,
    },
    showGroupColumn && {
      id: 'group',
      header: t('securityGroups.ruleCells.columns.group'),
      cell: (rule) => <InternalLink href={groupPagePath(regionId, rule.groupId)}>{groupName(rule)}</InternalLink>,
      sortingComparator: (a, b) => compareText(groupName(a), groupName(b)),
    },
    {
      id: 'description',
      header: t('securityGroups.ruleCells.columns.description'),
      cell: (rule) => rule.description || '-',
      sortingComparator: (a, b) => compareText(a.description, b.description),
    },
    {
      id: 'ruleId',
      header: t('securityGroups.ruleCells.columns.ruleId'),
      cell: (rule) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <CopyableId id={rule.ruleId} />
        </span>
      ),
      sortingComparator: (a, b) => compareText(a.ruleId, b.ruleId),
      isRowHeader: true,
    },
    {
      id: 'created',
      header: t('securityGroups.ruleCells.columns.created'),
      cell: (rule) => formatDateTime(rule.createTime, locale),
      // ISO times: text order is time order.
      sortingComparator: (a, b) => a.createTime.localeCompare(b.createTime),
    },
  ];
  return columns.filter((column) => column !== false);
}

/** Everything a row shows as text, for the table's text filter. */
export function ruleSearchText(
  t: TFunction,
  rule: Rule,
  groupsById: ReadonlyMap<string, SecurityGroupSummary> | undefined,
): string {
  return [
    String(rule.priority),
    rule.policy === 'drop' ? t('securityGroups.ruleCells.deny') : t('securityGroups.ruleCells.allow'),
    protocolLabel(t, rule.protocol),
    portsLabel(t, rule.ports),
    peerText(t, rule.peer, groupsById),
    rule.description,
    rule.ruleId,
    groupsById?.get(rule.groupId)?.SecurityGroupName ?? rule.groupName,
    rule.groupId,
  ]
    .join('\n')
    .toLowerCase();
}
