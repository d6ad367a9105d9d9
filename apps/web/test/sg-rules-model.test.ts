import { describe, expect, it } from 'vitest';
import {
  compareEvaluationOrder,
  effectiveRules,
  formatPorts,
  inEvaluationOrder,
  normaliseProtocol,
  parseAddress,
  parseCidr,
  parsePortRange,
  rulesOf,
  toEcsPortRange,
} from '@/features/security-groups/logic/rules';
import { group, ids, permission, rule } from './sg-rules-builders';

describe('rulesOf: ECS permissions as rules', () => {
  it('keeps both directions in ECS order and reads each field', () => {
    const sg = group('sg-a', [
      { id: 'sgr-in', protocol: 'TCP', ports: '80/443', peer: '10.1.2.3/8', policy: 'Drop', priority: 7 },
      { id: 'sgr-out', direction: 'egress', protocol: 'ALL', ports: '-1/-1', peer: '2001:DB8::1/32' },
    ]);
    const [inbound, outbound] = rulesOf(sg);
    expect(inbound).toMatchObject({
      ruleId: 'sgr-in',
      groupId: 'sg-a',
      groupName: 'name-of-sg-a',
      direction: 'ingress',
      policy: 'drop',
      priority: 7,
      protocol: 'tcp',
      ports: { from: 80, to: 443 },
      peer: { kind: 'cidr', family: 4, cidr: '10.0.0.0/8' },
      nicType: 'intranet',
    });
    expect(inbound?.permission).toBe(sg.Permissions[0]);
    expect(outbound).toMatchObject({
      direction: 'egress',
      policy: 'accept',
      protocol: 'all',
      ports: 'all',
      peer: { kind: 'cidr', family: 6, cidr: '2001:db8::/32' },
    });
  });

  it.each([
    ['sg-src', { kind: 'group', groupId: 'sg-src', groupName: 'name-of-sg-src' }],
    ['pl-list', { kind: 'prefixList', prefixListId: 'pl-list' }],
    ['192.168.1.7', { kind: 'cidr', family: 4, cidr: '192.168.1.7/32' }],
    ['::1', { kind: 'cidr', family: 6, cidr: '::1/128' }],
  ])('reads the peer %s on either side', (peer, expected) => {
    expect(rule({ id: 'r', peer }).peer).toEqual(expected);
    expect(rule({ id: 'r', peer, direction: 'egress' }).peer).toEqual(expected);
  });

  it('prefers a CIDR over a group when ECS reports both, as ECS applies it', () => {
    const both = { ...permission({ id: 'r', peer: '10.0.0.0/8' }), SourceGroupId: 'sg-x' };
    expect(rulesOf({ ...group('sg-a', []), Permissions: [both] })[0]?.peer).toEqual({
      kind: 'cidr',
      family: 4,
      cidr: '10.0.0.0/8',
    });
  });

  it('gives protocols without ports every port whatever PortRange says, and tcp -1/-1 every port', () => {
    expect(rule({ id: 'r', protocol: 'ICMP', ports: '8/8' }).ports).toBe('all');
    expect(rule({ id: 'r', protocol: 'TCP', ports: '-1/-1' }).ports).toEqual({ from: 1, to: 65535 });
  });
});

describe('normaliseProtocol', () => {
  it.each([
    ['TCP', 'tcp'],
    ['ALL', 'all'],
    ['ICMPv6', 'icmpv6'],
    ['-1', 'all'],
    ['6', 'tcp'],
    ['17', 'udp'],
    ['1', 'icmp'],
    ['47', 'gre'],
    ['132', '132'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseProtocol(input)).toBe(expected);
  });
});

describe('port ranges', () => {
  it.each([
    ['22', { from: 22, to: 22 }],
    ['22/22', { from: 22, to: 22 }],
    ['1000-2000', { from: 1000, to: 2000 }],
    [' 1 / 65535 ', { from: 1, to: 65535 }],
    ['-1/-1', 'all'],
    ['all', 'all'],
    ['200/1', undefined],
    ['0/10', undefined],
    ['1/65536', undefined],
    ['ssh', undefined],
    ['', undefined],
  ])('parsePortRange(%j)', (text, expected) => {
    expect(parsePortRange(text)).toEqual(expected);
  });

  it.each([
    [{ from: 22, to: 22 }, '22', '22/22'],
    [{ from: 1000, to: 2000 }, '1000-2000', '1000/2000'],
    ['all' as const, 'All', '-1/-1'],
  ])('formats %j as %s for people and %s for ECS', (span, shown, ecs) => {
    expect(formatPorts(span)).toBe(shown);
    expect(toEcsPortRange(span)).toBe(ecs);
  });
});

describe('addresses and CIDR blocks', () => {
  it.each([
    ['10.0.0.0/8', 4, '10.0.0.0/8'],
    ['10.9.8.7/16', 4, '10.9.0.0/16'],
    ['0.0.0.0/0', 4, '0.0.0.0/0'],
    ['172.16.0.1', 4, '172.16.0.1/32'],
    ['2001:DB8:0:0::5/64', 6, '2001:db8::/64'],
    ['::/0', 6, '::/0'],
  ])('parseCidr(%s) is IPv%i %s', (text, family, cidr) => {
    expect(parseCidr(text)).toMatchObject({ family, cidr });
  });

  it.each(['10.0.0.0/33', '10.1/8', '0x7f.0.0.1/8', '10.0.0.0/', '10.0.0.0/a', 'fe80::1%eth0/64', 'sg-1', ''])(
    'refuses %j',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it('parses addresses strictly (no short or hex IPv4 forms)', () => {
    expect(parseAddress('10.0.0.1')).toMatchObject({ family: 4, text: '10.0.0.1' });
    expect(parseAddress('2001:db8:0::1')).toMatchObject({ family: 6, text: '2001:db8::1' });
    expect(parseAddress('10.1')).toBeUndefined();
    expect(parseAddress('10.0.0.0/8')).toBeUndefined();
  });
});

describe('evaluation order', () => {
  it('puts lower priority numbers first and a drop before an accept at equal priority', () => {
    const rules = [
      rule({ id: 'sgr-a', priority: 5 }),
      rule({ id: 'sgr-b', priority: 1 }),
      rule({ id: 'sgr-c', priority: 5, policy: 'Drop' }),
      rule({ id: 'sgr-d', priority: 100, policy: 'Drop' }),
    ];
    expect(ids(inEvaluationOrder(rules))).toEqual(['sgr-b', 'sgr-c', 'sgr-a', 'sgr-d']);
    expect(ids(rules)).toEqual(['sgr-a', 'sgr-b', 'sgr-c', 'sgr-d']);
  });

  it('breaks the remaining ties by rule ID', () => {
    expect(compareEvaluationOrder(rule({ id: 'sgr-1' }), rule({ id: 'sgr-2' }))).toBeLessThan(0);
    expect(compareEvaluationOrder(rule({ id: 'sgr-2' }), rule({ id: 'sgr-1' }))).toBeGreaterThan(0);
  });

  it('merges every group of an instance for one direction, each rule naming its group', () => {
    const web = group('sg-web', [
      { id: 'sgr-w1', priority: 10 },
      { id: 'sgr-w2', direction: 'egress' },
    ]);
    const ops = group('sg-ops', [{ id: 'sgr-o1', priority: 2, policy: 'Drop' }]);
    const merged = effectiveRules([web, ops, web], 'ingress');
    expect(merged.map((each) => [each.ruleId, each.groupId])).toEqual([
      ['sgr-o1', 'sg-ops'],
      ['sgr-w1', 'sg-web'],
    ]);
    expect(ids(effectiveRules([web, ops], 'egress'))).toEqual(['sgr-w2']);
  });
});
