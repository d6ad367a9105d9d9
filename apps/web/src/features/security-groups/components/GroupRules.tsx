import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { hasRole, type SecurityGroupSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';
import type { Direction, Finding, Rule } from '../logic/rules';
import { AddRulesModal } from './AddRulesModal';
import { EditRuleModal } from './EditRuleModal';
import { RevokeRulesModal } from './RevokeRulesModal';
import { RulesTable } from './RulesTable';

interface GroupRulesProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly direction: Direction;
  /** The group's rules of this direction. */
  readonly rules: readonly Rule[];
  readonly groupsById: ReadonlyMap<string, SecurityGroupSummary>;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  readonly highlightRuleId: string | undefined;
}

type OpenModal = 'add' | 'edit' | 'revoke' | undefined;

/**
 * One direction's rules of a group page, with their findings, and the writes on them: add several,
 * edit one, delete the selected. Writes need the admin role; otherwise the buttons say so.
 */
export function GroupRules({
  regionId,
  group,
  direction,
  rules,
  groupsById,
  findings,
  highlightRuleId,
}: GroupRulesProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<OpenModal>();
  // Rules revoked meanwhile drop out of the selection.
  const selected = rules.filter((rule) => selectedIds.has(rule.ruleId));
  const [onlySelected] = selected;

  const roleRefusal = hasRole(user.role, 'admin') ? undefined : t('securityGroups.detail.rules.adminOnly');
  const editRefusal =
    roleRefusal ?? (selected.length === 1 ? undefined : t('securityGroups.detail.rules.selectOneToEdit'));
  const revokeRefusal =
    roleRefusal ?? (selected.length > 0 ? undefined : t('securityGroups.detail.rules.selectToDelete'));
  const close = () => setOpen(undefined);

  return (
    <>
      <RulesTable
        rules={rules}
        regionId={regionId}
        groupsById={groupsById}
        direction={direction}
        findings={findings}
        highlightRuleId={highlightRuleId}
        selectedItems={selected}
        onSelectionChange={(rows) => setSelectedIds(new Set(rows.map((rule) => rule.ruleId)))}
        header={t(`securityGroups.detail.rules.${direction}`)}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button disabled={editRefusal !== undefined} disabledReason={editRefusal} onClick={() => setOpen('edit')}>
              {t('securityGroups.detail.rules.edit')}
            </Button>
            <Button
              disabled={revokeRefusal !== undefined}
              disabledReason={revokeRefusal}
              onClick={() => setOpen('revoke')}
            >
              {t('securityGroups.detail.rules.delete')}
            </Button>
            <Button
              variant="primary"
              disabled={roleRefusal !== undefined}
              disabledReason={roleRefusal}
              onClick={() => setOpen('add')}
            >
              {t(`securityGroups.detail.rules.add.${direction}`)}
            </Button>
          </SpaceBetween>
        }
      />
      <AddRulesModal
        regionId={regionId}
        group={group}
        direction={direction}
        visible={open === 'add'}
        onDismiss={close}
      />
      {onlySelected && (
        <EditRuleModal
          regionId={regionId}
          group={group}
          rule={onlySelected}
          visible={open === 'edit'}
          onDismiss={close}
        />
      )}
      <RevokeRulesModal
        regionId={regionId}
        group={group}
        rules={selected}
        visible={open === 'revoke'}
        onDismiss={close}
      />
    </>
  );
}
