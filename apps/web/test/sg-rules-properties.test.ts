import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import {
  analyseRules,
  checkAccess,
  compareEvaluationOrder,
  inEvaluationOrder,
  rulesOf,
  type AccessAnswer,
  type AccessQuery,
} from '@/features/security-groups/logic/rules';
import { group, ids, rule, type RuleSpec } from './sg-rules-builders';

/**
 * Property tests over a small world: IPv4 addresses 10.0.0.0–10.0.0.7 and 11.0.0.1, IPv6
 * 2001:db8::0–2 (written as integers so the reference evaluation never parses text), ports 1–6,
 * groups sg-a, sg-b and the targets' own. The reference evaluation enumerates every question.
 */

type Peer =
  | { kind: 'v4block'; base: number; length: number } // 10.0.0.base/length, length 29–32
  | { kind: 'world4' }
  | { kind: 'v6'; which: 'pair' | 'one' | 'world' } // 2001:db8::/127, 2001:db8::1/128, ::/0
  | { kind: 'group'; id: string }
  | { kind: 'prefixList' };

interface GeneratedRule {
  direction: 'ingress' | 'egress';
  protocol: 'TCP' | 'UDP' | 'ICMP' | 'ALL';
  from: number;
  to: number;
  peer: Peer;
  policy: 'Accept' | 'Drop';
  priority: number;
  groupIndex: number;
}

interface World {
  rules: GeneratedRule[];
  targets: { type: 'normal' | 'enterprise'; inner: 'Accept' | 'Drop' }[];
}

const TARGET_IDS = ['sg-t0', 'sg-t1'];
const PEER_GROUPS = ['sg-a', 'sg-b', ...TARGET_IDS];

const peerArbitrary: fc.Arbitrary<Peer> = fc.oneof(
  fc.record({
    kind: fc.constant('v4block' as const),
    base: fc.integer({ min: 0, max: 7 }),
    length: fc.integer({ min: 29, max: 32 }),
  }),
  fc.constant({ kind: 'world4' as const }),
  fc.record({
    kind: fc.constant('v6' as const),
    which: fc.constantFrom('pair' as const, 'one' as const, 'world' as const),
  }),
  fc.record({ kind: fc.constant('group' as const), id: fc.constantFrom(...PEER_GROUPS) }),
  fc.constant({ kind: 'prefixList' as const }),
);

const ruleArbitrary: fc.Arbitrary<GeneratedRule> = fc
  .record({
    direction: fc.constantFrom('ingress' as const, 'egress' as const),
    protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'ICMP' as const, 'ALL' as const),
    a: fc.integer({ min: 1, max: 6 }),
    b: fc.integer({ min: 1, max: 6 }),
    peer: peerArbitrary,
    policy: fc.constantFrom('Accept' as const, 'Drop' as const),
    priority: fc.integer({ min: 1, max: 3 }),
    groupIndex: fc.integer({ min: 0, max: 1 }),
  })
  .map(({ a, b, ...rest }) => ({ ...rest, from: Math.min(a, b), to: Math.max(a, b) }));

function worldArbitrary(inner?: 'Drop'): fc.Arbitrary<World> {
  const target = fc.record({
    type: fc.constantFrom('normal' as const, 'enterprise' as const),
    inner: inner ? fc.constant(inner) : fc.constantFrom('Accept' as const, 'Drop' as const),
  });
  return fc.record({
    rules: fc.array(ruleArbitrary, { maxLength: 8 }),
    targets: fc.array(target, { minLength: 1, maxLength: 2 }),
  });
}

function ruleId(index: number): string {
  return `sgr-${String(index).padStart(2, '0')}`;
}

function peerText(peer: Peer): string {
  switch (peer.kind) {
    case 'v4block':
      return `10.0.0.${peer.base}/${peer.length}`;
    case 'world4':
      return '0.0.0.0/0';
    case 'v6':
      return { pair: '2001:db8::/127', one: '2001:db8::1/128', world: '::/0' }[peer.which];
    case 'group':
      return peer.id;
    case 'prefixList':
      return 'pl-1';
  }
}

function specOf(generated: GeneratedRule, index: number): RuleSpec {
  return {
    id: ruleId(index),
    direction: generated.direction,
    protocol: generated.protocol,
    ports: generated.protocol === 'TCP' || generated.protocol === 'UDP' ? `${generated.from}/${generated.to}` : '-1/-1',
    peer: peerText(generated.peer),
    policy: generated.policy,
    priority: generated.priority,
  };
}

function groupsOf(world: World, without?: string): SecurityGroupSummary[] {
  return world.targets.map((target, groupIndex) =>
    group(
      TARGET_IDS[groupIndex]!,
      world.rules
        .map((generated, index) => ({ generated, index }))
        .filter(
          ({ generated, index }) =>
            generated.groupIndex % world.targets.length === groupIndex && ruleId(index) !== without,
        )
        .map(({ generated, index }) => specOf(generated, index)),
      { type: target.type, innerAccessPolicy: target.inner },
    ),
  );
}

/** A question's far end, as the reference sees it and as text for checkAccess. */
type QueryPeer =
  { kind: 'v4'; index: number } | { kind: 'v4outside' } | { kind: 'v6'; index: number } | { kind: 'group'; id: string };

interface Question {
  direction: 'ingress' | 'egress';
  protocol: 'tcp' | 'udp' | 'icmp' | 'gre';
  port?: number;
  peer: QueryPeer;
}

const QUESTIONS: Question[] = (() => {
  const peers: QueryPeer[] = [
    ...Array.from({ length: 8 }, (_, index) => ({ kind: 'v4' as const, index })),
    { kind: 'v4outside' },
    ...[0, 1, 2].map((index) => ({ kind: 'v6' as const, index })),
    ...PEER_GROUPS.map((id) => ({ kind: 'group' as const, id })),
  ];
  const questions: Question[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    for (const peer of peers) {
      for (const protocol of ['tcp', 'udp'] as const) {
        for (let port = 1; port <= 7; port += 1) questions.push({ direction, protocol, port, peer });
      }
      questions.push({ direction, protocol: 'icmp', peer }, { direction, protocol: 'gre', peer });
    }
  }
  return questions;
})();

function accessQuery(question: Question): AccessQuery {
  const { peer } = question;
  const address =
    peer.kind === 'v4'
      ? `10.0.0.${peer.index}`
      : peer.kind === 'v4outside'
        ? '11.0.0.1'
        : peer.kind === 'v6'
          ? `2001:db8::${peer.index}`
          : '';
  return {
    direction: question.direction,
    protocol: question.protocol,
    ...(question.port === undefined ? {} : { port: question.port }),
    peer: peer.kind === 'group' ? { kind: 'group', groupId: peer.id } : { kind: 'address', address },
  };
}

function referenceMatches(generated: GeneratedRule, question: Question): boolean {
  if (generated.direction !== question.direction) return false;
  if (generated.protocol !== 'ALL' && generated.protocol.toLowerCase() !== question.protocol) return false;
  if (
    (generated.protocol === 'TCP' || generated.protocol === 'UDP') &&
    !(question.port! >= generated.from && question.port! <= generated.to)
  ) {
    return false;
  }
  const { peer } = generated;
  const asked = question.peer;
  switch (peer.kind) {
    case 'world4':
      return asked.kind === 'v4' || asked.kind === 'v4outside';
    case 'v4block': {
      const size = 2 ** (32 - peer.length);
      return asked.kind === 'v4' && Math.floor(asked.index / size) === Math.floor(peer.base / size);
    }
    case 'v6':
      return (
        asked.kind === 'v6' &&
        (peer.which === 'world' || (peer.which === 'pair' ? asked.index <= 1 : asked.index === 1))
      );
    case 'group':
      return asked.kind === 'group' && asked.id === peer.id;
    case 'prefixList':
      return false;
  }
}

/** The reference: lowest priority among matching rules, drop wins ties; intra-group Accept first; defaults. */
function referenceAnswer(world: World, question: Question, without?: string) {
  const groupCount = world.targets.length;
  const matching = world.rules
    .map((generated, index) => ({ generated, id: ruleId(index) }))
    .filter(
      ({ generated, id }) => generated.groupIndex % groupCount === generated.groupIndex % groupCount && id !== without,
    )
    .filter(({ generated }) => referenceMatches(generated, question));
  const { peer } = question;
  const intraGroup =
    peer.kind === 'group' &&
    world.targets.some(
      (target, index) => TARGET_IDS[index] === peer.id && target.type === 'normal' && target.inner === 'Accept',
    );
  const matchingIds = matching.map(({ id }) => id).sort();
  if (intraGroup) return { allowed: true, basis: 'intraGroup', matchingIds };
  if (matching.length > 0) {
    const priority = Math.min(...matching.map(({ generated }) => generated.priority));
    const drop = matching.some(({ generated }) => generated.priority === priority && generated.policy === 'Drop');
    return { allowed: !drop, basis: 'rule', priority, policy: drop ? 'drop' : 'accept', matchingIds };
  }
  const egressAllowed = question.direction === 'egress' && world.targets.every((target) => target.type === 'normal');
  return { allowed: egressAllowed, basis: egressAllowed ? 'defaultAllow' : 'defaultDeny', matchingIds };
}

function observed(answer: AccessAnswer) {
  return {
    allowed: answer.allowed,
    basis: answer.basis,
    ...(answer.decidingRule ? { priority: answer.decidingRule.priority, policy: answer.decidingRule.policy } : {}),
    matchingIds: ids(answer.matchingRules).sort(),
  };
}

function allRules(world: World) {
  return groupsOf(world).flatMap(rulesOf);
}

// Hundreds of questions per generated world on a shared two-core machine: not a performance check.
describe('rules engine properties', { timeout: 60_000 }, () => {
  it('checkAccess agrees with a brute-force evaluation over random rule sets', () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        const groups = groupsOf(world);
        // Compared in plain code and asserted once per world: an expect per question is the slow part.
        const disagreements = QUESTIONS.flatMap((question) => {
          const answer = checkAccess(accessQuery(question), groups);
          const order = answer.matchingRules;
          const inOrder = order.every(
            (later, index) => index === 0 || compareEvaluationOrder(order[index - 1]!, later) < 0,
          );
          const decidesFirst = answer.decidingRule === undefined || answer.decidingRule === order[0];
          const got = observed(answer);
          const expected = referenceAnswer(world, question);
          return JSON.stringify(got) === JSON.stringify(expected) && inOrder && decidesFirst
            ? []
            : [{ question, got, expected, inOrder, decidesFirst }];
        });
        expect(disagreements).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it("a shadowed rule's removal never changes any access answer", () => {
    let removals = 0;
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        const never = analyseRules(allRules(world)).filter(
          (finding) =>
            finding.kind === 'shadowed' || finding.kind === 'overriddenByDeny' || finding.kind === 'duplicate',
        );
        const groups = groupsOf(world);
        for (const finding of never) {
          const pruned = groupsOf(world, finding.rule.ruleId);
          const changed = QUESTIONS.filter((question) => {
            const before = checkAccess(accessQuery(question), groups);
            const after = checkAccess(accessQuery(question), pruned);
            return (
              after.allowed !== before.allowed ||
              after.basis !== before.basis ||
              after.decidingRule?.ruleId !== before.decidingRule?.ruleId
            );
          });
          expect(changed, `without ${finding.rule.ruleId}`).toEqual([]);
          removals += 1;
        }
      }),
      { numRuns: 150 },
    );
    // The generator must actually produce rules that never decide, or this checks nothing.
    expect(removals).toBeGreaterThan(0);
  });

  it('coverage is exact: every rule not reported as never deciding decides some question', () => {
    // Intra-group Accept overrides rules regardless of coverage, so the groups here isolate members.
    fc.assert(
      fc.property(worldArbitrary('Drop'), (world) => {
        const rules = allRules(world);
        const never = new Set(
          analyseRules(rules).flatMap((finding) =>
            finding.kind === 'shadowed' || finding.kind === 'overriddenByDeny' || finding.kind === 'duplicate'
              ? [finding.rule.ruleId]
              : [],
          ),
        );
        const groups = groupsOf(world);
        const deciding = new Set(
          QUESTIONS.map((question) => checkAccess(accessQuery(question), groups).decidingRule?.ruleId),
        );
        for (const each of rules) {
          if (each.peer.kind === 'prefixList') continue; // never resolved, so never decides and is never reported
          expect(deciding.has(each.ruleId), each.ruleId).toBe(!never.has(each.ruleId));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('evaluation order is a total order independent of input order', () => {
    const rulesArbitrary = fc
      .uniqueArray(fc.tuple(ruleArbitrary, fc.integer({ min: 0, max: 99 })), {
        selector: ([, id]) => id,
        maxLength: 10,
      })
      .map((pairs) => pairs.map(([generated, id]) => rule(specOf(generated, id))));
    fc.assert(
      fc.property(
        rulesArbitrary.chain((rules) =>
          fc.tuple(
            fc.constant(rules),
            fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length }),
          ),
        ),
        ([rules, shuffled]) => {
          const ordered = inEvaluationOrder(rules);
          expect(ids(inEvaluationOrder(shuffled))).toEqual(ids(ordered));
          for (const a of rules) {
            for (const b of rules) {
              const ab = Math.sign(compareEvaluationOrder(a, b));
              expect(ab + Math.sign(compareEvaluationOrder(b, a))).toBe(0);
              expect(ab === 0).toBe(a === b);
            }
          }
          ordered.slice(1).forEach((later, index) => {
            const earlier = ordered[index]!;
            expect(earlier.priority).toBeLessThanOrEqual(later.priority);
            if (earlier.priority === later.priority && earlier.policy !== later.policy)
              expect(earlier.policy).toBe('drop');
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
