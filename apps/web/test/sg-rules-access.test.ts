import { describe, expect, it } from 'vitest';
import { checkAccess, ruleMatches, type AccessQuery } from '@/features/security-groups/logic/rules';
import { group, ids, rule, type RuleSpec } from './sg-rules-builders';

const from = (address: string, port = 22, protocol = 'tcp'): AccessQuery => ({
  direction: 'ingress',
  protocol,
  port,
  peer: { kind: 'address', address },
});
const fromGroup = (groupId: string, port = 22): AccessQuery => ({
  direction: 'ingress',
  protocol: 'tcp',
  port,
  peer: { kind: 'group', groupId },
});

describe('ruleMatches', () => {
  it.each<[string, RuleSpec, AccessQuery, boolean]>([
    ['an address inside the CIDR', { id: 'r', peer: '10.0.0.0/8' }, from('10.2.3.4'), true],
    ['an address outside the CIDR', { id: 'r', peer: '10.0.0.0/8' }, from('11.0.0.1'), false],
    ['a port inside the range', { id: 'r', ports: '20/30' }, from('1.1.1.1', 30), true],
    ['a port outside the range', { id: 'r', ports: '20/30' }, from('1.1.1.1', 31), false],
    ['another protocol', { id: 'r', protocol: 'UDP' }, from('1.1.1.1'), false],
    ['any protocol and port for ALL', { id: 'r', protocol: 'ALL' }, from('1.1.1.1', 5432, 'udp'), true],
    [
      'ICMP traffic for an ICMP rule',
      { id: 'r', protocol: 'ICMP' },
      { ...from('1.1.1.1'), protocol: 'icmp', port: undefined },
      true,
    ],
    ['the other direction', { id: 'r', direction: 'egress' }, from('1.1.1.1'), false],
    ['IPv6 traffic for 0.0.0.0/0', { id: 'r' }, from('2001:db8::1'), false],
    ['IPv4 traffic for ::/0', { id: 'r', peer: '::/0' }, from('10.0.0.1'), false],
    ['IPv6 traffic for ::/0', { id: 'r', peer: '::/0' }, from('2001:db8::1'), true],
    ['an IPv4-mapped IPv6 block for an IPv4 address', { id: 'r', peer: '::ffff:0:0/96' }, from('10.0.0.1'), false],
    ['the named source group', { id: 'r', peer: 'sg-src' }, fromGroup('sg-src'), true],
    ['another source group', { id: 'r', peer: 'sg-src' }, fromGroup('sg-other'), false],
    ['an address for a group rule (members unknown)', { id: 'r', peer: 'sg-src' }, from('10.0.0.1'), false],
    ['a group for a CIDR rule (addresses unknown)', { id: 'r' }, fromGroup('sg-src'), false],
    ['an address for a prefix-list rule', { id: 'r', peer: 'pl-1' }, from('10.0.0.1'), false],
  ])('%s → %s', (_name, spec, query, expected) => {
    expect(ruleMatches(rule(spec), query)).toBe(expected);
  });
});

describe('checkAccess', () => {
  const web = group('sg-web', [
    { id: 'sgr-ssh-office', ports: '22/22', peer: '203.0.113.0/24', priority: 1 },
    { id: 'sgr-deny-bad', protocol: 'ALL', peer: '203.0.113.66/32', policy: 'Drop', priority: 1 },
    { id: 'sgr-https', ports: '443/443', priority: 10 },
    { id: 'sgr-from-app', ports: '5432/5432', peer: 'sg-app', priority: 5 },
    { id: 'sgr-pl', ports: '8080/8080', peer: 'pl-partners', priority: 1 },
  ]);

  it('allows with the deciding rule and lists every matching rule in evaluation order', () => {
    const answer = checkAccess(from('203.0.113.5'), [web]);
    expect(answer).toMatchObject({ allowed: true, basis: 'rule', decidingRule: { ruleId: 'sgr-ssh-office' } });
    expect(ids(answer.matchingRules)).toEqual(['sgr-ssh-office']);
  });

  it('denies when a drop at the same priority matches too (drop wins ties)', () => {
    const answer = checkAccess(from('203.0.113.66'), [web]);
    expect(answer).toMatchObject({ allowed: false, basis: 'rule', decidingRule: { ruleId: 'sgr-deny-bad' } });
    expect(ids(answer.matchingRules)).toEqual(['sgr-deny-bad', 'sgr-ssh-office']);
  });

  it('denies inbound traffic no rule allows, by default', () => {
    expect(checkAccess(from('198.51.100.1'), [web])).toMatchObject({
      allowed: false,
      basis: 'defaultDeny',
      matchingRules: [],
    });
  });

  it('decides across all groups: a lower priority number in another group wins', () => {
    const lockdown = group('sg-lockdown', [{ id: 'sgr-block-443', ports: '443/443', policy: 'Drop', priority: 2 }]);
    expect(checkAccess(from('198.51.100.1', 443), [web])).toMatchObject({
      allowed: true,
      decidingRule: { ruleId: 'sgr-https' },
    });
    const answer = checkAccess(from('198.51.100.1', 443), [web, lockdown]);
    expect(answer).toMatchObject({ allowed: false, decidingRule: { ruleId: 'sgr-block-443', groupId: 'sg-lockdown' } });
    expect(ids(answer.matchingRules)).toEqual(['sgr-block-443', 'sgr-https']);
  });

  it('matches a source group, and says which rules it could not resolve', () => {
    expect(checkAccess(fromGroup('sg-app', 5432), [web])).toMatchObject({
      allowed: true,
      decidingRule: { ruleId: 'sgr-from-app' },
    });
    const byAddress = checkAccess(from('10.0.0.9', 5432), [web]);
    expect(byAddress).toMatchObject({ allowed: false, basis: 'defaultDeny' });
    expect(ids(byAddress.unresolvedRules)).toEqual(['sgr-from-app']);
    const viaPrefixList = checkAccess(from('10.0.0.9', 8080), [web]);
    expect(viaPrefixList).toMatchObject({ allowed: false, basis: 'defaultDeny' });
    expect(ids(viaPrefixList.unresolvedRules)).toEqual(['sgr-pl']);
  });

  it('allows members of a basic group with intra-group Accept whatever the rules say', () => {
    const guarded = group('sg-web', [{ id: 'sgr-drop-all', protocol: 'ALL', peer: 'sg-web', policy: 'Drop' }]);
    const answer = checkAccess(fromGroup('sg-web'), [guarded]);
    expect(answer).toMatchObject({ allowed: true, basis: 'intraGroup' });
    expect(answer.decidingRule).toBeUndefined();
    expect(ids(answer.matchingRules)).toEqual(['sgr-drop-all']);
  });

  it('lets the rules decide between members when the intra-group policy is Drop, then denies', () => {
    const isolated = group('sg-web', [{ id: 'sgr-ssh-members', peer: 'sg-web' }], { innerAccessPolicy: 'Drop' });
    expect(checkAccess(fromGroup('sg-web'), [isolated])).toMatchObject({ allowed: true, basis: 'rule' });
    expect(checkAccess(fromGroup('sg-web', 80), [isolated])).toMatchObject({ allowed: false, basis: 'defaultDeny' });
  });

  it('lets one Accept group suffice when the instance is also in an isolated group', () => {
    const isolated = group('sg-iso', [], { innerAccessPolicy: 'Drop' });
    const open = group('sg-open', [], { innerAccessPolicy: 'Accept' });
    expect(checkAccess(fromGroup('sg-open'), [isolated, open])).toMatchObject({ allowed: true, basis: 'intraGroup' });
    expect(checkAccess(fromGroup('sg-iso'), [isolated, open])).toMatchObject({ allowed: false, basis: 'defaultDeny' });
  });

  it('never applies intra-group Accept to an advanced group', () => {
    const advanced = { ...group('sg-adv', [], { type: 'enterprise' }), InnerAccessPolicy: 'Accept' as const };
    expect(checkAccess(fromGroup('sg-adv'), [advanced])).toMatchObject({ allowed: false, basis: 'defaultDeny' });
  });

  it('allows outbound by default from basic groups and denies it from advanced ones', () => {
    const out: AccessQuery = {
      direction: 'egress',
      protocol: 'tcp',
      port: 443,
      peer: { kind: 'address', address: '8.8.8.8' },
    };
    expect(checkAccess(out, [group('sg-basic', [])])).toMatchObject({ allowed: true, basis: 'defaultAllow' });
    expect(checkAccess(out, [group('sg-adv', [], { type: 'enterprise' })])).toMatchObject({
      allowed: false,
      basis: 'defaultDeny',
    });
    expect(checkAccess(out, [])).toMatchObject({ allowed: false, basis: 'defaultDeny' });
    const egressDrop = group('sg-basic', [{ id: 'sgr-no-smtp', direction: 'egress', ports: '1/1000', policy: 'Drop' }]);
    expect(checkAccess(out, [egressDrop])).toMatchObject({ allowed: false, decidingRule: { ruleId: 'sgr-no-smtp' } });
    const advancedAllow = group('sg-adv', [{ id: 'sgr-https-out', direction: 'egress', ports: '443/443' }], {
      type: 'enterprise',
    });
    expect(checkAccess(out, [advancedAllow])).toMatchObject({
      allowed: true,
      decidingRule: { ruleId: 'sgr-https-out' },
    });
  });

  it('ignores ports for protocols without them', () => {
    const icmp = group('sg-a', [{ id: 'sgr-ping', protocol: 'ICMP' }]);
    expect(
      checkAccess({ direction: 'ingress', protocol: 'icmp', peer: { kind: 'address', address: '1.2.3.4' } }, [icmp]),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('refuses questions it cannot answer', () => {
    expect(() => checkAccess({ ...from('1.2.3.4'), port: undefined }, [web])).toThrow(RangeError);
    expect(() => checkAccess(from('1.2.3.4', 0), [web])).toThrow(/port from 1 to 65535/);
    expect(() => checkAccess(from('1.2.3'), [web])).toThrow(/not an IPv4 or IPv6 address/);
  });
});
