import { parseCidr } from './peers';
import { MAX_PORT, portInterval } from './ports';
import { protocolHasPorts } from './protocol';
import type { Rule } from './types';

/**
 * Which earlier rules take all of a rule's traffic. A rule's match space is the set of
 * (protocol, port, peer) it matches; within one protocol and one peer domain (IPv4 addresses, IPv6
 * addresses, or one security group) that space is a box: a port interval × an address interval.
 * Coverage subtracts the boxes of earlier rules from the rule's box, exactly, so several earlier
 * rules together count (1–1000 and 1001–65535 cover 22; 10.0.0.0/25 and 10.0.0.128/25 cover
 * 10.0.0.0/24).
 *
 * Exact in the console's own model of matching (the one checkAccess uses), with these consequences:
 * - a protocol `all` rule is covered only by `all` rules (any protocol string can occur, so no set of
 *   named protocols covers `all`);
 * - group peers and addresses never cover each other (the console does not know members' addresses),
 *   and prefix-list rules neither cover nor are covered (they are never resolved);
 * - should the remaining region fragment into more than MAX_FRAGMENTS boxes (it does not for real
 *   rule sets: each subtraction adds at most three), the rule is reported as not covered; a missed
 *   finding, never a false one.
 */

/** Ports × addresses; protocols without ports use the single port 0. */
interface Box {
  readonly portFrom: number;
  readonly portTo: number;
  readonly first: bigint;
  readonly last: bigint;
}

const MAX_FRAGMENTS = 4096;

/** The peer domain and address interval of a rule, or undefined for peers that are never resolved. */
function peerSpace(rule: Rule): PeerSpace | undefined {
  // Analysis asks for every pair of rules, so each rule's space is worked out once.
  if (peerSpaces.has(rule)) return peerSpaces.get(rule);
  const space = readPeerSpace(rule);
  peerSpaces.set(rule, space);
  return space;
}

interface PeerSpace {
  readonly domain: string;
  readonly first: bigint;
  readonly last: bigint;
}

const peerSpaces = new WeakMap<Rule, PeerSpace | undefined>();

function readPeerSpace(rule: Rule): PeerSpace | undefined {
  const { peer } = rule;
  if (peer.kind === 'group') return { domain: `group:${peer.groupId}`, first: 0n, last: 0n };
  if (peer.kind === 'prefixList') return undefined;
  const block = parseCidr(peer.cidr);
  return block ? { domain: `ipv${block.family}`, first: block.first, last: block.last } : undefined;
}

/** The box `rule` matches within the space of `subject`'s protocol and peer domain, if any. */
function boxWithin(rule: Rule, subject: Rule, domain: string): Box | undefined {
  if (rule.direction !== subject.direction) return undefined;
  if (rule.protocol !== subject.protocol && rule.protocol !== 'all') return undefined;
  const space = peerSpace(rule);
  if (!space || space.domain !== domain) return undefined;
  // A protocol-specific rule here has the subject's protocol; only tcp/udp narrow the ports.
  const ports = protocolHasPorts(rule.protocol) ? portInterval(rule.ports) : { from: 0, to: MAX_PORT };
  return { portFrom: ports.from, portTo: ports.to, first: space.first, last: space.last };
}

function intersects(a: Box, b: Box): boolean {
  return a.portFrom <= b.portTo && b.portFrom <= a.portTo && a.first <= b.last && b.first <= a.last;
}

/** `box` minus `cut`, as at most four disjoint boxes. */
function subtract(box: Box, cut: Box): Box[] {
  if (!intersects(box, cut)) return [box];
  const pieces: Box[] = [];
  if (box.portFrom < cut.portFrom) pieces.push({ ...box, portTo: cut.portFrom - 1 });
  if (box.portTo > cut.portTo) pieces.push({ ...box, portFrom: cut.portTo + 1 });
  const portFrom = Math.max(box.portFrom, cut.portFrom);
  const portTo = Math.min(box.portTo, cut.portTo);
  if (box.first < cut.first) pieces.push({ portFrom, portTo, first: box.first, last: cut.first - 1n });
  if (box.last > cut.last) pieces.push({ portFrom, portTo, first: cut.last + 1n, last: box.last });
  return pieces;
}

/**
 * When the rules evaluated before `rule` (`earlier`, in evaluation order) take all of its traffic,
 * the ones that do so: each earlier rule that is first to match some part of it. Undefined when part
 * of its traffic reaches it (or the rule's peer is never resolved).
 */
export function coveringRules(rule: Rule, earlier: readonly Rule[]): Rule[] | undefined {
  const space = peerSpace(rule);
  if (!space) return undefined;
  const ports = protocolHasPorts(rule.protocol) ? portInterval(rule.ports) : { from: 0, to: 0 };
  let remaining: Box[] = [{ portFrom: ports.from, portTo: ports.to, first: space.first, last: space.last }];
  const by: Rule[] = [];
  for (const candidate of earlier) {
    const cut = boxWithin(candidate, rule, space.domain);
    if (!cut || !remaining.some((box) => intersects(box, cut))) continue;
    by.push(candidate);
    remaining = remaining.flatMap((box) => subtract(box, cut));
    if (remaining.length === 0) return by;
    if (remaining.length > MAX_FRAGMENTS) return undefined;
  }
  return undefined;
}
