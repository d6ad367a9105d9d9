import Alert from '@cloudscape-design/components/alert';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useRuleWrite } from '../api/rule-actions';
import { useSecurityGroupList } from '../api/security-group-list';
import { checkRuleEdit, errorsToShow, hasRowErrors, rowOfRule, type RuleRowForm } from '../logic/rule-form';
import { modifyCall } from '../logic/rule-requests';
import type { Rule } from '../logic/rules';
import { AffectedInstances } from './AffectedInstances';
import { RuleRowEditor } from './RuleRowEditor';

export interface EditRuleModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly rule: Rule;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/**
 * Edits one rule by its ID (ModifySecurityGroupRule, or ModifySecurityGroupEgressRule for an
 * outbound rule): priority, policy, protocol and ports, the peer's value and the description. The
 * dialog says what ECS does not change: the kind of source or destination, and a field with a value
 * cannot be emptied. Only what changed is sent.
 */
export function EditRuleModal(props: EditRuleModalProps) {
  return props.visible ? <EditRuleDialog {...props} /> : null;
}

function EditRuleDialog({ regionId, group, rule, onDismiss }: EditRuleModalProps) {
  const { t } = useTranslation();
  const original = useMemo(() => rowOfRule(rule), [rule]);
  const [row, setRow] = useState<RuleRowForm>(original);
  const [submitted, setSubmitted] = useState(false);
  const regionGroups = useSecurityGroupList(regionId).data?.securityGroups;
  const checked = checkRuleEdit(rule, row, { direction: rule.direction, group, regionGroups });
  const call = hasRowErrors(checked.errors) ? undefined : modifyCall(regionId, rule, row, original);
  const write = useRuleWrite(
    regionId,
    group.SecurityGroupId,
    {
      running: t('securityGroups.rules.edit.running', { rule: rule.ruleId }),
      succeededCount: () => t('securityGroups.rules.edit.succeeded', { rule: rule.ruleId }),
      succeededOne: () => t('securityGroups.rules.edit.succeeded', { rule: rule.ruleId }),
      failedOne: () => t('securityGroups.rules.edit.failed', { rule: rule.ruleId }),
    },
    onDismiss,
  );

  const shown = errorsToShow(checked.errors, submitted);
  const unchanged = !hasRowErrors(checked.errors) && call === undefined;

  return (
    <FormModal
      header={t(`securityGroups.rules.edit.title.${rule.direction}`, { rule: rule.ruleId })}
      submitText={t('securityGroups.rules.edit.submit')}
      submitting={write.pending}
      submitDisabled={unchanged}
      onSubmit={() => {
        setSubmitted(true);
        if (call) write.submit([{ call, label: rule.ruleId }]);
      }}
      onDismiss={onDismiss}
    >
      <Alert type="info">{t(`securityGroups.rules.edit.limits.${rule.direction}`)}</Alert>
      <RuleRowEditor
        row={row}
        direction={rule.direction}
        group={group}
        regionGroups={regionGroups}
        errors={shown}
        hints={checked.hints}
        onChange={setRow}
        existing
      />
      <AffectedInstances regionId={regionId} groupId={group.SecurityGroupId} />
      {write.refusal !== undefined && (
        <ApiErrorAlert error={write.refusal} header={t('securityGroups.rules.edit.failed', { rule: rule.ruleId })} />
      )}
    </FormModal>
  );
}
