import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { InternalLink } from '@/components/InternalLink';
import type { PortSpan, Rule, RulePeer, RuleProtocol } from '../logic/rules';
import { groupPagePath } from '../paths';

/** "TCP", "ICMPv6", "All", or "Protocol 47" for a protocol ECS names by its IANA number. */
export function protocolLabel(t: TFunction, protocol: RuleProtocol): string {
  switch (protocol) {
    case 'all':
      return t('securityGroups.ruleCells.allProtocols');
    case 'icmpv6':
      return 'ICMPv6';
    default:
      return /^\d+$/.test(protocol)
        ? t('securityGroups.ruleCells.protocolNumber', { number: protocol })
        : protocol.toUpperCase();
  }
}

/** "22", "80-443", or "All" (ECS's -1/-1). */
export function portsLabel(t: TFunction, ports: PortSpan): string {
  if (ports === 'all') return t('securityGroups.ruleCells.allPorts');
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

/** The name a group goes by on the page: its name from the region's list, ECS's name in the rule, or its ID. */
export function peerGroupName(
  peer: Extract<RulePeer, { kind: 'group' }>,
  groupsById: ReadonlyMap<string, SecurityGroupSummary> | undefined,
): string {
  return groupsById?.get(peer.groupId)?.SecurityGroupName || peer.groupName || peer.groupId;
}

/** The peer as plain text (filtering, summaries, the access check's answer). */
export function peerText(t: TFunction, peer: RulePeer, groupsById?: ReadonlyMap<string, SecurityGroupSummary>): string {
  switch (peer.kind) {
    case 'cidr':
      return peer.cidr;
    case 'group':
      return t('securityGroups.ruleCells.groupPeer', { name: peerGroupName(peer, groupsById), id: peer.groupId });
    case 'prefixList':
      return peer.name
        ? t('securityGroups.ruleCells.prefixListNamed', { id: peer.prefixListId, name: peer.name })
        : t('securityGroups.ruleCells.prefixList', { id: peer.prefixListId });
  }
}

/** Allow or Deny, as the consoles say it (ECS says Accept and Drop). */
export function RulePolicyCell({ rule }: { readonly rule: Rule }) {
  const { t } = useTranslation();
  return rule.policy === 'drop' ? (
    <StatusIndicator type="error">{t('securityGroups.ruleCells.deny')}</StatusIndicator>
  ) : (
    <StatusIndicator type="success">{t('securityGroups.ruleCells.allow')}</StatusIndicator>
  );
}

interface RulePeerCellProps {
  readonly peer: RulePeer;
  readonly regionId: string;
  readonly groupsById?: ReadonlyMap<string, SecurityGroupSummary>;
}

/**
 * Where traffic comes from (inbound) or goes to (outbound): a CIDR block, another group by name
 * with a link to its page (not for another account's group, which this console cannot show), or a
 * prefix list.
 */
export function RulePeerCell({ peer, regionId, groupsById }: RulePeerCellProps) {
  const { t } = useTranslation();
  switch (peer.kind) {
    case 'cidr':
      return (
        <Box variant="code" color="inherit">
          {peer.cidr}
        </Box>
      );
    case 'group': {
      const name = peerGroupName(peer, groupsById);
      if (peer.ownerAccount) {
        return (
          <span>
            {name} ({t('securityGroups.ruleCells.otherAccount', { account: peer.ownerAccount })})
          </span>
        );
      }
      return (
        <span>
          <InternalLink href={groupPagePath(regionId, peer.groupId)}>{name}</InternalLink>
          {name !== peer.groupId && (
            <Box variant="small" display="block" color="text-body-secondary">
              {peer.groupId}
            </Box>
          )}
        </span>
      );
    }
    case 'prefixList':
      return <span>{peerText(t, peer)}</span>;
  }
}
