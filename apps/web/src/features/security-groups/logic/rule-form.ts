import type { SecurityGroupSummary } from '@ecs-console/contract';
import { ADMIN_PORTS, type Direction, type Rule, type RulePolicy } from './rules';
import { findDuplicates, type RuleDuplicate } from './rule-form-duplicates';
import {
  checkPeer,
  hostBitsSuggestion,
  isAdvancedGroup,
  isWholeInternet,
  type PeerError,
  type PeerKind,
} from './rule-form-peer';

export type { RuleDuplicate } from './rule-form-duplicates';
export {
  hostBitsSuggestion,
  isAdvancedGroup,
  isVpcGroup,
  isCidrOf,
  PEER_KINDS,
  peerGroupUnavailable,
  peerKindUnavailable,
  type PeerError,
  type PeerKind,
  type PeerUnavailable,
} from './rule-form-peer';

/** The protocols the form offers (ECS takes them in any case and answers in upper case). */
export type FormProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';
export const FORM_PROTOCOLS: readonly FormProtocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];

/** One rule as the user types it; text fields stay text until sent. */
export interface RuleRowForm {
  /** Tells rows apart while they are added, removed and duplicated. */
  readonly key: string;
  readonly policy: RulePolicy;
  readonly priority: string;
  readonly protocol: FormProtocol;
  /** tcp/udp only: "22", "1000-2000" or "1000/2000". */
  readonly ports: string;
  readonly peerKind: PeerKind;
  /** A CIDR block or address, a group ID, or a prefix list ID, by `peerKind`. */
  readonly peerValue: string;
  readonly description: string;
}

export const DEFAULT_PRIORITY = 1;
export const MIN_PRIORITY = 1;
export const MAX_PRIORITY = 100;
export const MAX_DESCRIPTION_LENGTH = 512;
/** Rules of one group, inbound and outbound together. */
export const MAX_RULES_PER_GROUP = 200;
/** Groups the rules of one basic group may reference. */
export const MAX_REFERENCED_GROUPS = 20;
/** Rules one Authorize call takes (`Permissions.N`, N 1–100). */
export const MAX_RULES_PER_REQUEST = 100;

export function newRuleRow(key: string): RuleRowForm {
  return {
    key,
    policy: 'accept',
    priority: String(DEFAULT_PRIORITY),
    protocol: 'tcp',
    ports: '',
    peerKind: 'ipv4',
    peerValue: '',
    description: '',
  };
}

/** tcp and udp name ports; ECS fixes every other protocol's range at -1/-1. */
export const hasPorts = (protocol: string) => protocol === 'tcp' || protocol === 'udp';

export type PortError = 'required' | 'format' | 'outOfRange' | 'reversed';
export type ParsedPorts =
  { readonly ok: true; readonly from: number; readonly to: number } | { readonly ok: false; readonly error: PortError };

const PORT_TEXT = /^(\d{1,5})(?:\s*[-/]\s*(\d{1,5}))?$/;

/** A tcp/udp port range as typed: one port, or "start-end" / "start/end", 1–65535, start ≤ end. */
export function parsePorts(text: string): ParsedPorts {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'required' };
  const match = PORT_TEXT.exec(trimmed);
  if (!match) return { ok: false, error: 'format' };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to < 1 || from > 65_535 || to > 65_535) return { ok: false, error: 'outOfRange' };
  if (from > to) return { ok: false, error: 'reversed' };
  return { ok: true, from, to };
}

/** ECS's PortRange for a valid row: "start/end", or -1/-1 for protocols without ports. */
export function portRangeOf(row: Pick<RuleRowForm, 'protocol' | 'ports'>): string {
  if (!hasPorts(row.protocol)) return '-1/-1';
  const parsed = parsePorts(row.ports);
  return parsed.ok ? `${parsed.from}/${parsed.to}` : row.ports.trim();
}

export type PriorityError = 'required' | 'notWhole' | 'outOfRange';

export function checkPriority(text: string): PriorityError | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  if (!/^\d+$/.test(trimmed)) return 'notWhole';
  const value = Number(trimmed);
  return value < MIN_PRIORITY || value > MAX_PRIORITY ? 'outOfRange' : undefined;
}

export type DescriptionError = 'tooLong' | 'cannotClear';

export interface RuleRowErrors {
  readonly ports?: PortError;
  readonly peer?: PeerError;
  readonly priority?: PriorityError;
  readonly description?: DescriptionError;
}

/** Said beside a row without blocking it. */
export interface RuleRowHints {
  /** The block the typed CIDR's network address gives, when host bits are set. */
  readonly networkCidr?: string;
  /** Administrative and database services an allow rule opens to the whole internet. */
  readonly worldOpen?: readonly string[];
  /** ECS would add nothing for this row: it repeats a rule of the group or an earlier row. */
  readonly duplicate?: RuleDuplicate;
}

export interface RuleFormContext {
  readonly direction: Direction;
  /** The group the rules are for, with its current rules. */
  readonly group: SecurityGroupSummary;
  /** The region's groups, for a group as source or destination; undefined while loading. */
  readonly regionGroups: readonly SecurityGroupSummary[] | undefined;
}

const peerFamily = (kind: PeerKind): 4 | 6 | undefined => (kind === 'ipv4' ? 4 : kind === 'ipv6' ? 6 : undefined);

/** The admin services (SSH, RDP, databases, …) whose ports the row allows from anywhere, inbound. */
export function worldOpenServices(row: RuleRowForm, direction: Direction): string[] {
  const family = peerFamily(row.peerKind);
  if (direction !== 'ingress' || row.policy !== 'accept' || family === undefined) return [];
  if (!isWholeInternet(row.peerValue, family)) return [];
  if (row.protocol === 'all') return ADMIN_PORTS.map((admin) => admin.service);
  if (row.protocol !== 'tcp') return [];
  const ports = parsePorts(row.ports);
  if (!ports.ok) return [];
  return ADMIN_PORTS.filter((admin) => admin.port >= ports.from && admin.port <= ports.to).map(
    (admin) => admin.service,
  );
}

/** What ECS would refuse in one row, and what deserves a second look. */
export function checkRuleRow(
  row: RuleRowForm,
  context: RuleFormContext,
): { readonly errors: RuleRowErrors; readonly hints: RuleRowHints } {
  const ports = hasPorts(row.protocol) ? parsePorts(row.ports) : undefined;
  const peer = checkPeer(row, context.group, context.regionGroups);
  const priority = checkPriority(row.priority);
  // UTF-16 units, as the BFF's check (and ECS, a Java service) count: the form accepts nothing the BFF refuses.
  const description = row.description.trim().length > MAX_DESCRIPTION_LENGTH ? 'tooLong' : undefined;
  const family = peerFamily(row.peerKind);
  const networkCidr = peer === undefined && family ? hostBitsSuggestion(row.peerValue, family) : undefined;
  const worldOpen = worldOpenServices(row, context.direction);
  return {
    errors: {
      ...(ports && !ports.ok ? { ports: ports.error } : {}),
      ...(peer ? { peer } : {}),
      ...(priority ? { priority } : {}),
      ...(description ? { description } : {}),
    },
    hints: {
      ...(networkCidr ? { networkCidr } : {}),
      ...(worldOpen.length > 0 ? { worldOpen } : {}),
    },
  };
}

export const hasRowErrors = (errors: RuleRowErrors) => Object.keys(errors).length > 0;

/**
 * The errors a form shows: malformed input at once, missing input once the user has tried to send
 * (a new row is not wrong for being empty yet).
 */
export function errorsToShow(errors: RuleRowErrors, submitted: boolean): RuleRowErrors {
  if (submitted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([, error]) => error !== 'required'));
}

/** Limits on the whole set of rows, which ECS checks against the group's current rules. */
export type RuleSetError =
  | { readonly kind: 'requestLimit'; readonly adding: number; readonly max: number }
  | { readonly kind: 'ruleLimit'; readonly current: number; readonly adding: number; readonly max: number }
  | { readonly kind: 'groupReferenceLimit'; readonly referenced: number; readonly max: number };

function referencedGroupIds(group: SecurityGroupSummary): string[] {
  return group.Permissions.flatMap((permission) =>
    [permission.SourceGroupId, permission.DestGroupId].filter((id) => id !== ''),
  );
}

/**
 * The 200-rule limit (inbound and outbound together, `AuthorizationLimitExceed`) and the 20 groups
 * a basic group's rules may reference, counted with the group's current rules before sending; and
 * the 100 rules one call takes.
 */
export function checkRuleSet(
  rows: readonly RuleRowForm[],
  group: SecurityGroupSummary,
  /** The rows ECS would add (not duplicates): only they count against the group's limits. */
  fresh: readonly RuleRowForm[] = rows,
): RuleSetError[] {
  const problems: RuleSetError[] = [];
  if (rows.length > MAX_RULES_PER_REQUEST) {
    problems.push({ kind: 'requestLimit', adding: rows.length, max: MAX_RULES_PER_REQUEST });
  }
  const current = group.Permissions.length;
  if (current + fresh.length > MAX_RULES_PER_GROUP) {
    problems.push({ kind: 'ruleLimit', current, adding: fresh.length, max: MAX_RULES_PER_GROUP });
  }
  if (!isAdvancedGroup(group)) {
    const added = fresh.filter((row) => row.peerKind === 'group').map((row) => row.peerValue.trim());
    const referenced = new Set([...referencedGroupIds(group), ...added]).size;
    if (referenced > MAX_REFERENCED_GROUPS) {
      problems.push({ kind: 'groupReferenceLimit', referenced, max: MAX_REFERENCED_GROUPS });
    }
  }
  return problems;
}

export interface RuleRowsCheck {
  readonly rows: ReadonlyMap<string, { readonly errors: RuleRowErrors; readonly hints: RuleRowHints }>;
  readonly set: readonly RuleSetError[];
  readonly valid: boolean;
}

/** Every row and the set as a whole; `valid` when ECS should accept them all. */
export function checkRuleRows(rows: readonly RuleRowForm[], context: RuleFormContext): RuleRowsCheck {
  const checked = new Map(rows.map((row) => [row.key, checkRuleRow(row, context)] as const));
  const sendable = rows.filter((row) => !hasRowErrors(checked.get(row.key)!.errors));
  const duplicates = findDuplicates(
    sendable.map((row) => ({ ...row, portRange: portRangeOf(row) })),
    context.group,
    context.direction,
  );
  for (const [key, duplicate] of duplicates) {
    const row = checked.get(key)!;
    checked.set(key, { ...row, hints: { ...row.hints, duplicate } });
  }
  const set = checkRuleSet(
    rows,
    context.group,
    rows.filter((row) => !duplicates.has(row.key)),
  );
  const valid = rows.length > 0 && set.length === 0 && sendable.length === rows.length;
  return { rows: checked, set, valid };
}

// Editing one rule -------------------------------------------------------------------------------------

/** The rule's peer as ECS has it (not normalised), so an edit compares with what ECS stores. */
function peerOfRule(rule: Rule): Pick<RuleRowForm, 'peerKind' | 'peerValue'> {
  const permission = rule.permission;
  const ingress = rule.direction === 'ingress';
  switch (rule.peer.kind) {
    case 'cidr': {
      const raw =
        rule.peer.family === 4
          ? ingress
            ? permission.SourceCidrIp
            : permission.DestCidrIp
          : ingress
            ? permission.Ipv6SourceCidrIp
            : permission.Ipv6DestCidrIp;
      return { peerKind: rule.peer.family === 4 ? 'ipv4' : 'ipv6', peerValue: raw || rule.peer.cidr };
    }
    case 'group':
      return { peerKind: 'group', peerValue: rule.peer.groupId };
    case 'prefixList':
      return { peerKind: 'prefixList', peerValue: rule.peer.prefixListId };
  }
}

/** The form of an existing rule, to edit it. */
export function rowOfRule(rule: Rule): RuleRowForm {
  const ports =
    rule.ports === 'all'
      ? ''
      : rule.ports.from === rule.ports.to
        ? `${rule.ports.from}`
        : `${rule.ports.from}-${rule.ports.to}`;
  return {
    key: rule.ruleId,
    policy: rule.policy,
    priority: String(rule.priority),
    // Another IANA protocol number stays as ECS has it; the form shows it but offers the usual ones.
    protocol: rule.protocol as FormProtocol,
    ports,
    ...peerOfRule(rule),
    description: rule.description,
  };
}

/**
 * A rule's edit: the row's own checks, and what ModifySecurityGroupRule will not do: clear a field
 * that has a value (an empty field means "unchanged" to ECS).
 */
export function checkRuleEdit(
  rule: Rule,
  row: RuleRowForm,
  context: RuleFormContext,
): { readonly errors: RuleRowErrors; readonly hints: RuleRowHints } {
  const checked = checkRuleRow(row, context);
  const clearsDescription = rule.description.trim() !== '' && row.description.trim() === '';
  return clearsDescription ? { ...checked, errors: { ...checked.errors, description: 'cannotClear' } } : checked;
}
