import Box from '@cloudscape-design/components/box';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ActionTargetList, type ActionTarget } from '@/components/ActionTargetList';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useRuleWrite } from '../api/rule-actions';
import { groupLabel, revokeCalls, type RuleEcsCall } from '../logic/rule-requests';
import { formatPorts, type Rule, type RulePeer } from '../logic/rules';
import { AffectedInstances } from './AffectedInstances';

export interface RevokeRulesModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly rules: readonly Rule[];
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

const directionOf = (call: RuleEcsCall) => (call.action === 'RevokeSecurityGroupEgress' ? 'egress' : 'ingress');

function peerText(peer: RulePeer): string {
  switch (peer.kind) {
    case 'cidr':
      return peer.cidr;
    case 'group':
      return peer.groupName ? `${peer.groupName} (${peer.groupId})` : peer.groupId;
    case 'prefixList':
      return peer.name ? `${peer.name} (${peer.prefixListId})` : peer.prefixListId;
  }
}

/** "Allow TCP 22 from 0.0.0.0/0, priority 1", so the rule is recognised without its ID. */
function ruleSummary(rule: Rule, t: TFunction): string {
  return t(`securityGroups.rules.revoke.summary.${rule.direction}`, {
    policy: t(`securityGroups.rules.policy.${rule.policy}`),
    protocol: rule.protocol.toUpperCase(),
    ports: formatPorts(rule.ports),
    peer: peerText(rule.peer),
    priority: rule.priority,
  });
}

/**
 * Deletes rules by their IDs after a confirmation that lists them and who is affected: one Revoke
 * call with every ID (one per direction when both are selected).
 */
export function RevokeRulesModal(props: RevokeRulesModalProps) {
  return props.visible && props.rules.length > 0 ? <RevokeRulesDialog {...props} /> : null;
}

function RevokeRulesDialog({ regionId, group, rules, onDismiss }: RevokeRulesModalProps) {
  const { t } = useTranslation();
  const count = rules.length;
  const label = groupLabel(group);
  const write = useRuleWrite(
    regionId,
    group.SecurityGroupId,
    {
      running: t('securityGroups.rules.revoke.running', { count }),
      succeededCount: (done) => t('securityGroups.rules.revoke.succeededCount', { count: done }),
      succeededOne: (what) => t('securityGroups.rules.revoke.succeeded', { what }),
      failedOne: (what) => t('securityGroups.rules.revoke.failed', { what }),
    },
    onDismiss,
  );
  const targets: ActionTarget[] = rules.map((rule) => ({ id: rule.ruleId, name: ruleSummary(rule, t) }));

  const submit = () =>
    write.submit(
      revokeCalls(regionId, group.SecurityGroupId, rules).map((call) => ({
        call,
        label: t(`securityGroups.rules.revoke.callLabel.${directionOf(call)}`, {
          count: rules.filter((rule) => rule.direction === directionOf(call)).length,
          group: label,
        }),
      })),
    );

  return (
    <FormModal
      header={t('securityGroups.rules.revoke.title', { count })}
      submitText={t('securityGroups.rules.revoke.submit', { count })}
      submitting={write.pending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <Box variant="p">{t('securityGroups.rules.revoke.intro', { count, group: label })}</Box>
      <ActionTargetList
        targets={targets}
        label={t('securityGroups.rules.revoke.listLabel', { count })}
        moreLabel={(more) => t('securityGroups.rules.revoke.more', { count: more })}
      />
      <AffectedInstances regionId={regionId} groupId={group.SecurityGroupId} />
      {write.refusal !== undefined && (
        <ApiErrorAlert error={write.refusal} header={t('securityGroups.rules.revoke.failedHeader', { count })} />
      )}
    </FormModal>
  );
}
