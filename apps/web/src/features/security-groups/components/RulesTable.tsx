import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableEmptyState } from '@/components/TableEmptyState';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { inEvaluationOrder, type Direction, type Finding, type Rule } from '../logic/rules';
import { HIGHLIGHT_ATTRIBUTE, ruleColumns, ruleSearchText } from './rule-columns';

export interface RulesTableProps {
  readonly rules: readonly Rule[];
  /** The region's groups, to name the groups rules refer to. */
  readonly groupsById?: ReadonlyMap<string, SecurityGroupSummary>;
  readonly regionId: string;
  /** A column naming each rule's group (an instance's effective rules come from several). */
  readonly showGroupColumn?: boolean;
  /** Findings of the rule analysis by rule ID; with them, each row shows its own. */
  readonly findings?: ReadonlyMap<string, readonly Finding[]>;
  /** The rule the access check found deciding: marked, and scrolled into view. */
  readonly highlightRuleId?: string;
  /** With `onSelectionChange`, rules can be selected (several at once). */
  readonly selectedItems?: readonly Rule[];
  readonly onSelectionChange?: (rules: Rule[]) => void;
  /**
   * The table's title: plain text (e.g. "Inbound rules") gets a counter and `actions` beside it;
   * anything else (a whole `<Header>`) is shown as given.
   */
  readonly header?: ReactNode;
  /** Buttons beside a plain-text title. */
  readonly actions?: ReactNode;
  /**
   * Which way all the rules go: the peer column is then "Source" or "Destination". Without it, the
   * rules' own direction when they all share one.
   */
  readonly direction?: Direction;
  /** The table's accessible name (default: the plain-text title, else "Inbound rules"/"Outbound rules"/"Rules"). */
  readonly ariaLabel?: string;
  readonly loading?: boolean;
  /** What an empty table says (default: "No rules"). */
  readonly empty?: ReactNode;
}

function sharedDirection(rules: readonly Rule[]): Direction | undefined {
  const first = rules[0]?.direction;
  return first && rules.every((rule) => rule.direction === first) ? first : undefined;
}

/**
 * Security-group rules in ECS's evaluation order (lowest priority number first, deny before allow
 * at equal priority), sortable by any column, filtered by any text a row shows; optionally with
 * each rule's findings, its group, and one rule marked as the one that decides an access check.
 */
export function RulesTable({
  rules,
  groupsById,
  regionId,
  showGroupColumn = false,
  findings,
  highlightRuleId,
  selectedItems,
  onSelectionChange,
  header,
  actions,
  direction,
  ariaLabel,
  loading = false,
  empty,
}: RulesTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ordered = useMemo(() => inEvaluationOrder(rules), [rules]);
  const ruleDirection = direction ?? sharedDirection(rules);
  const {
    items,
    collectionProps,
    filterProps,
    filteredItemsCount,
    actions: collection,
  } = useCollection(ordered, {
    filtering: {
      filteringFunction: (rule, text) => ruleSearchText(t, rule, groupsById).includes(text.trim().toLowerCase()),
      empty: empty ?? <TableEmptyState title={t('securityGroups.ruleCells.empty')} />,
      noMatch: <TableEmptyState title={t('securityGroups.ruleCells.noMatch')} />,
    },
    sorting: {},
  });
  const columnDefinitions = useMemo(
    () =>
      ruleColumns({
        t,
        locale,
        regionId,
        direction: ruleDirection,
        groupsById,
        findings,
        highlightRuleId,
        showGroupColumn,
      }),
    [t, locale, regionId, ruleDirection, groupsById, findings, highlightRuleId, showGroupColumn],
  );

  // A newly marked rule is shown even when the filter hid it (the filter is cleared then, once: the
  // user may filter it away again), and scrolled to.
  const container = useRef<HTMLDivElement>(null);
  const [shownHighlight, setShownHighlight] = useState(highlightRuleId);
  if (highlightRuleId !== shownHighlight) {
    setShownHighlight(highlightRuleId);
    const hidden =
      highlightRuleId !== undefined &&
      ordered.some((rule) => rule.ruleId === highlightRuleId) &&
      !items.some((rule) => rule.ruleId === highlightRuleId);
    if (hidden) collection.setFiltering('');
  }
  useEffect(() => {
    if (!highlightRuleId) return;
    const marked = container.current?.querySelector(`[${HIGHLIGHT_ATTRIBUTE}]`);
    if (marked && typeof marked.scrollIntoView === 'function') {
      marked.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, [highlightRuleId]);

  const label =
    ariaLabel ??
    (typeof header === 'string'
      ? header
      : ruleDirection
        ? t(`securityGroups.ruleCells.tableLabel.${ruleDirection}`)
        : t('securityGroups.ruleCells.tableLabel.mixed'));
  const selectable = onSelectionChange !== undefined;
  return (
    <div ref={container}>
      <Table<Rule>
        {...collectionProps}
        items={items}
        trackBy="ruleId"
        variant="container"
        wrapLines
        loading={loading}
        loadingText={t('securityGroups.ruleCells.loading')}
        columnDefinitions={columnDefinitions}
        selectionType={selectable ? 'multi' : undefined}
        selectedItems={selectable ? (selectedItems ?? []) : undefined}
        onSelectionChange={({ detail }) => onSelectionChange?.([...detail.selectedItems])}
        ariaLabels={{
          tableLabel: label,
          selectionGroupLabel: t('securityGroups.ruleCells.selectionGroup'),
          allItemsSelectionLabel: () => t('securityGroups.ruleCells.selectAll'),
          itemSelectionLabel: (_selection, rule) => t('securityGroups.ruleCells.selectRule', { id: rule.ruleId }),
        }}
        header={
          typeof header === 'string' ? (
            <Header variant="h2" counter={`(${formatCount(rules.length, locale)})`} actions={actions}>
              {header}
            </Header>
          ) : (
            header
          )
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder={t('securityGroups.ruleCells.filter')}
            filteringAriaLabel={t('securityGroups.ruleCells.filterLabel', { table: label })}
            countText={t('securityGroups.ruleCells.matches', { count: filteredItemsCount ?? 0 })}
          />
        }
      />
    </div>
  );
}
