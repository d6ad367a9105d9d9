import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import {
  FORM_PROTOCOLS,
  hasPorts,
  MAX_DESCRIPTION_LENGTH,
  PEER_KINDS,
  peerGroupUnavailable,
  peerKindUnavailable,
  type RuleRowErrors,
  type RuleRowForm,
  type RuleRowHints,
} from '../logic/rule-form';
import { applyPreset, presetById, presetOfRow, RULE_PRESETS } from '../logic/rule-presets';
import type { Direction } from '../logic/rules';

interface RuleRowEditorProps {
  readonly row: RuleRowForm;
  /** "Rule 2" when several rows are edited at once; undefined for a single rule. */
  readonly label?: string;
  readonly direction: Direction;
  readonly group: SecurityGroupSummary;
  /** The region's groups, for a group as the peer; undefined while loading. */
  readonly regionGroups: readonly SecurityGroupSummary[] | undefined;
  /** The errors to show now (the caller decides when). */
  readonly errors: RuleRowErrors;
  readonly hints: RuleRowHints;
  readonly onChange: (row: RuleRowForm) => void;
  /** Editing a rule ECS has: its kind of peer is fixed and no preset is offered. */
  readonly existing?: boolean;
  readonly onDuplicate?: () => void;
  readonly onRemove?: () => void;
}

const CUSTOM = 'custom';

/**
 * The fields of one rule: preset, policy, priority, protocol and ports, the source (inbound) or
 * destination (outbound) of one kind, and a description. Fields ECS fixes or forbids are disabled
 * with the reason beside them.
 */
export function RuleRowEditor({
  row,
  label,
  direction,
  group,
  regionGroups,
  errors,
  hints,
  onChange,
  existing = false,
  onDuplicate,
  onRemove,
}: RuleRowEditorProps) {
  const { t } = useTranslation();
  const set = <K extends keyof RuleRowForm>(key: K, value: RuleRowForm[K]) => onChange({ ...row, [key]: value });
  const peerWord = t(`securityGroups.rules.peer.${direction}`);

  const presetOptions: SelectProps.Option[] = [
    { value: CUSTOM, label: t('securityGroups.rules.preset.custom') },
    ...RULE_PRESETS.map((preset) => ({
      value: preset.id,
      label: preset.service,
      description: hasPorts(preset.protocol)
        ? `${preset.protocol.toUpperCase()} ${preset.ports}`
        : t(`securityGroups.rules.protocol.${preset.protocol}`),
    })),
  ];
  const preset = presetOfRow(row);
  const policyOptions: SelectProps.Option[] = (['accept', 'drop'] as const).map((policy) => ({
    value: policy,
    label: t(`securityGroups.rules.policy.${policy}`),
  }));
  const protocolOptions: SelectProps.Option[] = FORM_PROTOCOLS.map((protocol) => ({
    value: protocol,
    label: t(`securityGroups.rules.protocol.${protocol}`),
  }));
  const kindOptions: SelectProps.Option[] = PEER_KINDS.map((kind) => {
    const unavailable = peerKindUnavailable(group, kind);
    return {
      value: kind,
      label: t(`securityGroups.rules.peerKind.${kind}`),
      ...(unavailable ? { disabled: true, disabledReason: t(`securityGroups.rules.unavailable.${unavailable}`) } : {}),
    };
  });
  const groupOptions: SelectProps.Option[] = (regionGroups ?? []).map((candidate) => {
    const unavailable = peerGroupUnavailable(group, candidate);
    return {
      value: candidate.SecurityGroupId,
      label: candidate.SecurityGroupName || candidate.SecurityGroupId,
      description: candidate.SecurityGroupId,
      ...(unavailable ? { disabled: true, disabledReason: t(`securityGroups.rules.unavailable.${unavailable}`) } : {}),
    };
  });
  const selected = (options: SelectProps.Option[], value: string) =>
    options.find((option) => option.value === value) ?? (value ? { value, label: value } : null);
  const errorText = {
    priority: errors.priority && t(`securityGroups.rules.errors.priority.${errors.priority}`),
    ports: errors.ports && t(`securityGroups.rules.errors.ports.${errors.ports}`),
    peer: errors.peer && t(`securityGroups.rules.errors.peer.${errors.peer}`),
    description:
      errors.description &&
      t(`securityGroups.rules.errors.description.${errors.description}`, { max: MAX_DESCRIPTION_LENGTH }),
  };

  return (
    <div role="group" aria-label={label ?? t('securityGroups.rules.row.single')}>
      <SpaceBetween size="s">
        {label && (
          <Box variant="h4" display="inline">
            {label}
          </Box>
        )}
        <ColumnLayout columns={4}>
          {!existing && (
            <FormField label={t('securityGroups.rules.preset.label')}>
              <Select
                selectedOption={selected(presetOptions, preset?.id ?? CUSTOM)}
                options={presetOptions}
                onChange={({ detail }) => {
                  const chosen = presetById(detail.selectedOption.value ?? '');
                  if (chosen) onChange(applyPreset(row, chosen));
                }}
              />
            </FormField>
          )}
          <FormField label={t('securityGroups.rules.policy.label')}>
            <Select
              selectedOption={selected(policyOptions, row.policy)}
              options={policyOptions}
              onChange={({ detail }) => set('policy', detail.selectedOption.value === 'drop' ? 'drop' : 'accept')}
            />
          </FormField>
          <FormField
            label={t('securityGroups.rules.priority.label')}
            constraintText={t('securityGroups.rules.priority.constraint')}
            errorText={errorText.priority}
          >
            <Input inputMode="numeric" value={row.priority} onChange={({ detail }) => set('priority', detail.value)} />
          </FormField>
          <FormField label={t('securityGroups.rules.protocol.label')}>
            <Select
              selectedOption={selected(protocolOptions, row.protocol)}
              options={protocolOptions}
              onChange={({ detail }) => {
                const protocol = FORM_PROTOCOLS.find((choice) => choice === detail.selectedOption.value) ?? 'tcp';
                onChange({ ...row, protocol, ports: hasPorts(protocol) ? row.ports : '' });
              }}
            />
          </FormField>
          <FormField
            label={t('securityGroups.rules.ports.label')}
            constraintText={
              hasPorts(row.protocol)
                ? t('securityGroups.rules.ports.constraint')
                : t('securityGroups.rules.ports.fixed', {
                    protocol: t(`securityGroups.rules.protocol.${row.protocol}`),
                  })
            }
            errorText={errorText.ports}
          >
            <Input
              value={hasPorts(row.protocol) ? row.ports : '-1/-1'}
              disabled={!hasPorts(row.protocol)}
              placeholder="22, 8000-8080"
              onChange={({ detail }) => set('ports', detail.value)}
            />
          </FormField>
          <FormField
            label={t('securityGroups.rules.peerKind.label', { peer: peerWord })}
            description={existing ? t('securityGroups.rules.peerKind.fixed', { peer: peerWord }) : undefined}
          >
            <Select
              selectedOption={selected(kindOptions, row.peerKind)}
              options={kindOptions}
              disabled={existing}
              onChange={({ detail }) => {
                const kind = PEER_KINDS.find((choice) => choice === detail.selectedOption.value) ?? 'ipv4';
                onChange({ ...row, peerKind: kind, peerValue: '' });
              }}
            />
          </FormField>
          <FormField
            label={peerWord}
            constraintText={t(`securityGroups.rules.peerValue.${row.peerKind}`)}
            errorText={errorText.peer}
            warningText={
              hints.networkCidr
                ? t('securityGroups.rules.hints.hostBits', { typed: row.peerValue.trim(), network: hints.networkCidr })
                : undefined
            }
          >
            {row.peerKind === 'group' ? (
              <Select
                selectedOption={selected(groupOptions, row.peerValue)}
                options={groupOptions}
                filteringType="auto"
                statusType={regionGroups ? 'finished' : 'loading'}
                loadingText={t('securityGroups.rules.peerValue.loadingGroups')}
                placeholder={t('securityGroups.rules.peerValue.chooseGroup')}
                onChange={({ detail }) => set('peerValue', detail.selectedOption.value ?? '')}
              />
            ) : (
              <Input
                value={row.peerValue}
                spellcheck={false}
                autoComplete={false}
                placeholder={t(`securityGroups.rules.peerValue.placeholder.${row.peerKind}`)}
                onChange={({ detail }) => set('peerValue', detail.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('securityGroups.rules.description.label')}
            constraintText={t('securityGroups.rules.description.constraint', { max: MAX_DESCRIPTION_LENGTH })}
            errorText={errorText.description}
          >
            <Input value={row.description} onChange={({ detail }) => set('description', detail.value)} />
          </FormField>
        </ColumnLayout>
        {hints.duplicate && (
          <Alert type="info">
            {hints.duplicate.kind === 'existing'
              ? t('securityGroups.rules.hints.duplicateOfRule', { rule: hints.duplicate.ruleId })
              : t('securityGroups.rules.hints.duplicateOfRow', { index: hints.duplicate.index + 1 })}
          </Alert>
        )}
        {hints.worldOpen && (
          <Alert type="warning">
            {t('securityGroups.rules.hints.worldOpen', { services: hints.worldOpen.join(', ') })}
          </Alert>
        )}
        {(onDuplicate || onRemove) && (
          <SpaceBetween direction="horizontal" size="xs">
            {onDuplicate && (
              <Button
                formAction="none"
                onClick={onDuplicate}
                ariaLabel={t('securityGroups.rules.row.duplicateLabel', { row: label })}
              >
                {t('securityGroups.rules.row.duplicate')}
              </Button>
            )}
            {onRemove && (
              <Button
                formAction="none"
                onClick={onRemove}
                ariaLabel={t('securityGroups.rules.row.removeLabel', { row: label })}
              >
                {t('securityGroups.rules.row.remove')}
              </Button>
            )}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </div>
  );
}
