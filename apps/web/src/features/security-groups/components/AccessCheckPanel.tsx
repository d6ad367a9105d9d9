import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecurityGroupList } from '../api/security-group-list';
import { checkAccess, protocolHasPorts, type AccessQuery, type Direction } from '../logic/rules';
import { AccessCheckAnswer } from './AccessCheckAnswer';
import {
  ACCESS_PROTOCOLS,
  parseAccessForm,
  type AccessCheckFormValues,
  type AccessFormError,
  type AccessProtocol,
} from './access-check-form';

export interface AccessCheckPanelProps {
  readonly regionId: string;
  /** The groups protecting the target (an instance's groups, or the one group of a group's page). */
  readonly targetGroups: readonly SecurityGroupSummary[];
  /** What the traffic reaches or leaves, as the answer names it (an instance's or a group's name). */
  readonly targetLabel: string;
  /** The direction asked about first (default inbound). */
  readonly direction?: Direction;
  /** Hears the rule that decides the latest answer (`undefined` when no rule decides, or none is asked). */
  readonly onDecidingRule?: (ruleId: string | undefined) => void;
}

/**
 * "Can traffic from this source reach the target on this protocol and port?", answered in the
 * browser from the rules the page has, as ECS evaluates them (no request): allowed or denied, and
 * why (the deciding rule, the intra-group policy, or the default for the direction). The answer
 * follows the rules as they change; the deciding rule is reported so the page can mark it.
 */
export function AccessCheckPanel({
  regionId,
  targetGroups,
  targetLabel,
  direction = 'ingress',
  onDecidingRule,
}: AccessCheckPanelProps) {
  const { t } = useTranslation();
  const groups = useSecurityGroupList(regionId);
  const [values, setValues] = useState<AccessCheckFormValues>({
    direction,
    peerKind: 'address',
    address: '',
    groupId: undefined,
    protocol: 'tcp',
    port: '',
  });
  const [errors, setErrors] = useState<Partial<Record<'address' | 'group' | 'port', AccessFormError>>>({});
  const [query, setQuery] = useState<AccessQuery>();
  const answer = useMemo(() => (query ? checkAccess(query, targetGroups) : undefined), [query, targetGroups]);
  const decidingRuleId = answer?.decidingRule?.ruleId;
  useEffect(() => {
    onDecidingRule?.(decidingRuleId);
  }, [decidingRuleId, onDecidingRule]);

  const update = (change: Partial<AccessCheckFormValues>) => setValues((current) => ({ ...current, ...change }));
  const check = () => {
    const result = parseAccessForm(values);
    if (result.ok) {
      setErrors({});
      setQuery(result.query);
    } else {
      setErrors(result.errors);
      setQuery(undefined);
    }
  };

  const groupOptions: SelectProps.Option[] = (groups.data?.securityGroups ?? []).map((group) => ({
    value: group.SecurityGroupId,
    label: group.SecurityGroupName || group.SecurityGroupId,
    description: group.SecurityGroupName ? group.SecurityGroupId : undefined,
  }));
  const selectedGroup = groupOptions.find((option) => option.value === values.groupId) ?? null;
  const protocolOptions: SelectProps.Option[] = ACCESS_PROTOCOLS.map((protocol) => ({
    value: protocol,
    label: t(`securityGroups.access.protocols.${protocol}`),
  }));
  const side = values.direction === 'ingress' ? 'source' : 'destination';
  const errorText = (error: AccessFormError | undefined) =>
    error ? t(`securityGroups.access.errors.${error}`) : undefined;

  return (
    <Container
      header={
        <Header variant="h2" description={t('securityGroups.access.description', { target: targetLabel })}>
          {t('securityGroups.access.title')}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <form
          aria-label={t('securityGroups.access.title')}
          onSubmit={(event) => {
            event.preventDefault();
            check();
          }}
        >
          <Form
            actions={
              <Button variant="primary" formAction="submit">
                {t('securityGroups.access.check')}
              </Button>
            }
          >
            <ColumnLayout columns={3}>
              <FormField label={t('securityGroups.access.direction')}>
                <RadioGroup
                  value={values.direction}
                  onChange={({ detail }) => update({ direction: detail.value as Direction })}
                  items={[
                    { value: 'ingress', label: t('securityGroups.access.directions.ingress') },
                    { value: 'egress', label: t('securityGroups.access.directions.egress') },
                  ]}
                />
              </FormField>
              <FormField label={t(`securityGroups.access.peerKind.${side}`)}>
                <RadioGroup
                  value={values.peerKind}
                  onChange={({ detail }) => update({ peerKind: detail.value as 'address' | 'group' })}
                  items={[
                    { value: 'address', label: t('securityGroups.access.peerKinds.address') },
                    { value: 'group', label: t('securityGroups.access.peerKinds.group') },
                  ]}
                />
              </FormField>
              {values.peerKind === 'address' ? (
                <FormField
                  label={t(`securityGroups.access.address.${side}`)}
                  constraintText={t('securityGroups.access.addressConstraint')}
                  errorText={errorText(errors.address)}
                >
                  <Input
                    value={values.address}
                    onChange={({ detail }) => update({ address: detail.value })}
                    placeholder="203.0.113.10"
                    invalid={errors.address !== undefined}
                  />
                </FormField>
              ) : (
                <FormField label={t(`securityGroups.access.group.${side}`)} errorText={errorText(errors.group)}>
                  <Select
                    selectedOption={selectedGroup}
                    onChange={({ detail }) => update({ groupId: detail.selectedOption.value })}
                    options={groupOptions}
                    filteringType="auto"
                    placeholder={t('securityGroups.access.groupPlaceholder')}
                    statusType={groups.isPending ? 'loading' : groups.isError ? 'error' : 'finished'}
                    loadingText={t('securityGroups.access.groupsLoading')}
                    errorText={t('securityGroups.access.groupsFailed')}
                    empty={t('securityGroups.access.noGroups')}
                    invalid={errors.group !== undefined}
                  />
                </FormField>
              )}
              <FormField label={t('securityGroups.access.protocol')}>
                <Select
                  selectedOption={protocolOptions.find((option) => option.value === values.protocol) ?? null}
                  onChange={({ detail }) => update({ protocol: detail.selectedOption.value as AccessProtocol })}
                  options={protocolOptions}
                />
              </FormField>
              <FormField
                label={t('securityGroups.access.port')}
                constraintText={
                  protocolHasPorts(values.protocol)
                    ? t('securityGroups.access.portConstraint')
                    : t('securityGroups.access.noPorts')
                }
                errorText={errorText(errors.port)}
              >
                <Input
                  value={protocolHasPorts(values.protocol) ? values.port : ''}
                  onChange={({ detail }) => update({ port: detail.value })}
                  inputMode="numeric"
                  placeholder="22"
                  disabled={!protocolHasPorts(values.protocol)}
                  invalid={errors.port !== undefined}
                />
              </FormField>
            </ColumnLayout>
          </Form>
        </form>
        {query && answer && (
          <AccessCheckAnswer
            query={query}
            answer={answer}
            targetLabel={targetLabel}
            targetGroups={targetGroups}
            groups={groups.data?.securityGroups}
          />
        )}
      </SpaceBetween>
    </Container>
  );
}
