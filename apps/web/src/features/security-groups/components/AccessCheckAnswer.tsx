import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccessAnswer, AccessQuery, Rule } from '../logic/rules';
import { peerText, portsLabel, protocolLabel } from './rule-cells';
import { ruleRef } from './RuleFindings';

interface AccessCheckAnswerProps {
  readonly query: AccessQuery;
  readonly answer: AccessAnswer;
  readonly targetLabel: string;
  readonly targetGroups: readonly SecurityGroupSummary[];
  /** The region's groups, to name a group the query names. */
  readonly groups: readonly SecurityGroupSummary[] | undefined;
}

function groupName(groupId: string, groups: readonly SecurityGroupSummary[] | undefined): string {
  return groups?.find((group) => group.SecurityGroupId === groupId)?.SecurityGroupName || groupId;
}

/** "TCP port 22 from 203.0.113.10 to web-1", as asked. */
function questionText(t: TFunction, query: AccessQuery, target: string, groups: AccessCheckAnswerProps['groups']) {
  const peer = query.peer.kind === 'address' ? query.peer.address : groupName(query.peer.groupId, groups);
  const traffic =
    query.port === undefined
      ? protocolLabel(t, query.protocol)
      : t('securityGroups.access.answer.trafficWithPort', {
          protocol: protocolLabel(t, query.protocol),
          port: query.port,
        });
  return t(`securityGroups.access.answer.question.${query.direction}`, { traffic, peer, target });
}

/** "Allow TCP 22 from 0.0.0.0/0 (sgr-1, priority 1) in web-sg". */
export function ruleSentence(t: TFunction, rule: Rule): string {
  return t(`securityGroups.access.answer.rule.${rule.direction}`, {
    policy: rule.policy === 'drop' ? t('securityGroups.ruleCells.deny') : t('securityGroups.ruleCells.allow'),
    protocol: protocolLabel(t, rule.protocol),
    ports: portsLabel(t, rule.ports),
    peer: peerText(t, rule.peer),
    rule: ruleRef(t, rule),
    group: rule.groupName || rule.groupId,
  });
}

function basisText(t: TFunction, { query, answer, targetGroups, groups }: AccessCheckAnswerProps): string {
  switch (answer.basis) {
    case 'rule':
      return answer.decidingRule
        ? t('securityGroups.access.answer.basis.rule', { rule: ruleSentence(t, answer.decidingRule) })
        : '';
    case 'intraGroup': {
      const peerGroupId = query.peer.kind === 'group' ? query.peer.groupId : '';
      const shared = targetGroups.find((group) => group.SecurityGroupId === peerGroupId);
      return t('securityGroups.access.answer.basis.intraGroup', {
        group: shared?.SecurityGroupName || groupName(peerGroupId, groups),
      });
    }
    case 'defaultDeny':
      return t(`securityGroups.access.answer.basis.defaultDeny.${query.direction}`);
    case 'defaultAllow':
      return t(`securityGroups.access.answer.basis.defaultAllow.${query.direction}`);
  }
}

/**
 * The access check's answer: allowed or denied, what decided it, the other rules that match (which
 * never get to decide), and the rules the console could not evaluate for this source.
 */
export function AccessCheckAnswer(props: AccessCheckAnswerProps) {
  const { t } = useTranslation();
  const { query, answer, targetLabel, groups } = props;
  const others = answer.matchingRules.filter((rule) => rule.ruleId !== answer.decidingRule?.ruleId);
  return (
    <Alert
      type={answer.allowed ? 'success' : 'error'}
      header={answer.allowed ? t('securityGroups.access.answer.allowed') : t('securityGroups.access.answer.denied')}
    >
      <SpaceBetween size="xs">
        <Box variant="p" color="inherit">
          {questionText(t, query, targetLabel, groups)}
        </Box>
        <Box variant="p" color="inherit">
          {basisText(t, props)}
        </Box>
        {others.length > 0 && (
          <Box variant="p" color="inherit">
            {t('securityGroups.access.answer.otherMatches', {
              rules: others.map((rule) => ruleRef(t, rule)).join(', '),
            })}
          </Box>
        )}
        {answer.unresolvedRules.length > 0 && (
          <Box variant="p" color="inherit">
            {t('securityGroups.access.answer.unresolved', {
              count: answer.unresolvedRules.length,
              rules: answer.unresolvedRules.map((rule) => ruleRef(t, rule)).join(', '),
            })}
          </Box>
        )}
      </SpaceBetween>
    </Alert>
  );
}
