import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useRuleWrite } from '../api/rule-actions';
import { useSecurityGroupList } from '../api/security-group-list';
import { checkRuleRows, errorsToShow, newRuleRow, type RuleRowForm } from '../logic/rule-form';
import { authorizeCall, groupLabel } from '../logic/rule-requests';
import type { Direction } from '../logic/rules';
import { AffectedInstances } from './AffectedInstances';
import { RuleRowEditor } from './RuleRowEditor';

export interface AddRulesModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly direction: Direction;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/**
 * Adds inbound or outbound rules: several rows in one dialog (each with a preset, duplicated or
 * removed), checked as ECS checks them before one Authorize call sends them all (ECS adds all or
 * none). ECS's refusal is shown in the dialog with its code, message and RequestId.
 */
export function AddRulesModal(props: AddRulesModalProps) {
  // Mounted only while open, so every opening starts from one empty row.
  return props.visible ? <AddRulesDialog {...props} /> : null;
}

function AddRulesDialog({ regionId, group, direction, onDismiss }: AddRulesModalProps) {
  const { t } = useTranslation();
  const keyPrefix = useId();
  const nextKey = useRef(1);
  const [rows, setRows] = useState<RuleRowForm[]>(() => [newRuleRow(`${keyPrefix}0`)]);
  const [submitted, setSubmitted] = useState(false);
  const regionGroups = useSecurityGroupList(regionId).data?.securityGroups;
  const check = checkRuleRows(rows, { direction, group, regionGroups });
  const count = rows.length;
  const write = useRuleWrite(
    regionId,
    group.SecurityGroupId,
    {
      running: t(`securityGroups.rules.add.running.${direction}`, { count }),
      succeededCount: (done) => t(`securityGroups.rules.add.succeeded.${direction}`, { count: done, group: '' }),
      succeededOne: (label) => t(`securityGroups.rules.add.succeeded.${direction}`, { count, group: label }),
      failedOne: (label) => t('securityGroups.rules.add.failed', { group: label }),
    },
    onDismiss,
  );

  const takeKey = () => `${keyPrefix}${nextKey.current++}`;
  const update = (key: string, next: RuleRowForm) =>
    setRows((current) => current.map((row) => (row.key === key ? next : row)));
  const duplicate = (index: number) => {
    const copy = { ...rows[index]!, key: takeKey() };
    setRows((current) => [...current.slice(0, index + 1), copy, ...current.slice(index + 1)]);
  };
  const remove = (key: string) => setRows((current) => current.filter((row) => row.key !== key));

  const submit = () => {
    setSubmitted(true);
    if (!check.valid) return;
    write.submit([{ call: authorizeCall(regionId, group, direction, rows), label: groupLabel(group) }]);
  };

  return (
    <FormModal
      header={t(`securityGroups.rules.add.title.${direction}`, { group: groupLabel(group) })}
      submitText={t('securityGroups.rules.add.submit', { count })}
      submitting={write.pending}
      submitDisabled={count === 0}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <Box variant="p" color="text-body-secondary">
        {t('securityGroups.rules.add.intro')}
      </Box>
      {rows.map((row, index) => {
        const checked = check.rows.get(row.key)!;
        return (
          <RuleRowEditor
            key={row.key}
            row={row}
            label={t('securityGroups.rules.row.label', { index: index + 1 })}
            direction={direction}
            group={group}
            regionGroups={regionGroups}
            errors={errorsToShow(checked.errors, submitted)}
            hints={checked.hints}
            onChange={(next) => update(row.key, next)}
            onDuplicate={() => duplicate(index)}
            onRemove={count > 1 ? () => remove(row.key) : undefined}
          />
        );
      })}
      <Button
        formAction="none"
        iconName="add-plus"
        onClick={() => {
          const added = newRuleRow(takeKey());
          setRows((current) => [...current, added]);
        }}
      >
        {t('securityGroups.rules.add.addRow')}
      </Button>
      {check.set.map((problem) => (
        <Alert key={problem.kind} type="error">
          {t(`securityGroups.rules.errors.${problem.kind}`, problem)}
        </Alert>
      ))}
      <AffectedInstances regionId={regionId} groupId={group.SecurityGroupId} />
      {write.refusal !== undefined && (
        <ApiErrorAlert
          error={write.refusal}
          header={t('securityGroups.rules.add.failed', { group: groupLabel(group) })}
        />
      )}
    </FormModal>
  );
}
