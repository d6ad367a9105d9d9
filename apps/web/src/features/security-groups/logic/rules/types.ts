import type { Permission } from '@ecs-console/ecs-client';

/** Which way traffic flows relative to the instance: `ingress` reaches it, `egress` leaves it. */
export type Direction = 'ingress' | 'egress';

/** A rule's action, lower case (ECS answers `Accept`/`Drop`). */
export type RulePolicy = 'accept' | 'drop';

/**
 * A rule's protocol, lower case. ECS also takes IANA protocol numbers in some regions: the numbers
 * of the named protocols are read as their names (6 → tcp), any other number stays as its digits.
 */
export type RuleProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all' | (string & {});

/** Destination ports: an inclusive range for tcp/udp; `'all'` (ECS's `-1/-1`) for every other protocol. */
export type PortSpan = { readonly from: number; readonly to: number } | 'all';

/** Whom a rule is about: the source of an ingress rule, the destination of an egress rule. */
export type RulePeer =
  /** `cidr` is normalised to the network address and prefix length ("10.0.0.0/8", "2001:db8::/32"). */
  | { readonly kind: 'cidr'; readonly family: 4 | 6; readonly cidr: string }
  | { readonly kind: 'group'; readonly groupId: string; readonly groupName?: string; readonly ownerAccount?: string }
  /** Prefix lists are not resolved by the console: such a rule never matches an address here. */
  | { readonly kind: 'prefixList'; readonly prefixListId: string; readonly name?: string };

/** One security-group rule, normalised from ECS's `Permission` (which stays available as `permission`). */
export interface Rule {
  readonly ruleId: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly direction: Direction;
  readonly policy: RulePolicy;
  /** 1–100; lower is evaluated first. */
  readonly priority: number;
  readonly protocol: RuleProtocol;
  readonly ports: PortSpan;
  readonly peer: RulePeer;
  readonly nicType: 'internet' | 'intranet';
  readonly description: string;
  readonly createTime: string;
  /** ECS's original rule, for requests that must echo it (Revoke*, Modify*). */
  readonly permission: Permission;
}

/** The far end of the traffic an access check asks about. */
export type AccessPeer =
  { readonly kind: 'address'; readonly address: string } | { readonly kind: 'group'; readonly groupId: string };

export interface AccessQuery {
  readonly direction: Direction;
  readonly protocol: RuleProtocol;
  /** Required for tcp and udp (1–65535); ignored for other protocols. */
  readonly port?: number;
  readonly peer: AccessPeer;
}

export interface AccessAnswer {
  readonly allowed: boolean;
  /**
   * What decided: a rule; the intra-group policy (members of one basic group with InnerAccessPolicy
   * Accept); or the implicit default when no rule matched.
   */
  readonly basis: 'rule' | 'intraGroup' | 'defaultDeny' | 'defaultAllow';
  /** The first matching rule in evaluation order, when `basis` is `rule`. */
  readonly decidingRule?: Rule;
  /** Every rule that matches the query, in evaluation order (the first one decides unless intraGroup). */
  readonly matchingRules: Rule[];
  /**
   * Rules of the direction and protocol/port whose peer the console cannot resolve against the
   * query, so they were treated as not matching: prefix lists (always), group peers when the query
   * names an address, and CIDR peers when it names a group (its members' addresses are not known
   * here). In evaluation order; empty when the answer is exact.
   */
  readonly unresolvedRules: Rule[];
}

export type Finding =
  | {
      readonly kind: 'worldOpen';
      readonly severity: 'high' | 'medium';
      readonly rule: Rule;
      readonly ports: { readonly port: number; readonly service: string }[];
    }
  /** Can never decide: rules evaluated before it (`by`, each deciding part of its traffic) cover it. */
  | { readonly kind: 'shadowed'; readonly rule: Rule; readonly by: Rule[] }
  /** Same direction, policy, priority, protocol, ports and peer as `of`, which is evaluated first. */
  | { readonly kind: 'duplicate'; readonly rule: Rule; readonly of: Rule }
  /** An accept rule that never decides and at least one deny among the rules that decide instead. */
  | { readonly kind: 'overriddenByDeny'; readonly rule: Rule; readonly by: Rule[] }
  /** Rules that one rule with `merged` ports or CIDR (the rest unchanged) would replace. */
  | {
      readonly kind: 'mergeable';
      readonly rules: Rule[];
      readonly merged: { readonly ports?: PortSpan; readonly cidr?: string };
    };
