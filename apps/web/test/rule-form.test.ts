import { describe, expect, it } from 'vitest';
import {
  checkPriority,
  checkRuleEdit,
  checkRuleRow,
  checkRuleRows,
  checkRuleSet,
  errorsToShow,
  hostBitsSuggestion,
  newRuleRow,
  parsePorts,
  peerGroupUnavailable,
  peerKindUnavailable,
  portRangeOf,
  rowOfRule,
  worldOpenServices,
  type RuleFormContext,
  type RuleRowForm,
} from '@/features/security-groups/logic/rule-form';
import { group, rule } from './sg-rules-builders';

const target = group('sg-target', []);
const sameVpc = group('sg-peer', []);
const otherVpc = { ...group('sg-far', []), VpcId: 'vpc-2' };
const advanced = group('sg-adv', [], { type: 'enterprise' });
const classic = { ...group('sg-classic', []), VpcId: '' };
const regionGroups = [target, sameVpc, otherVpc, advanced, classic];

const inbound: RuleFormContext = { direction: 'ingress', group: target, regionGroups };
const row = (fields: Partial<RuleRowForm>): RuleRowForm => ({
  ...newRuleRow('r1'),
  ports: '22',
  peerValue: '10.0.0.0/8',
  ...fields,
});

describe('port ranges (tcp/udp 1–65535, start ≤ end)', () => {
  it.each([
    ['22', { ok: true, from: 22, to: 22 }],
    [' 1000-2000 ', { ok: true, from: 1000, to: 2000 }],
    ['1000/2000', { ok: true, from: 1000, to: 2000 }],
    ['1/65535', { ok: true, from: 1, to: 65535 }],
    ['', { ok: false, error: 'required' }],
    ['ssh', { ok: false, error: 'format' }],
    ['22,80', { ok: false, error: 'format' }],
    ['-1/-1', { ok: false, error: 'format' }],
    ['0', { ok: false, error: 'outOfRange' }],
    ['65536', { ok: false, error: 'outOfRange' }],
    ['200/1', { ok: false, error: 'reversed' }],
  ])('%j → %j', (text, expected) => {
    expect(parsePorts(text)).toEqual(expected);
  });

  it.each([
    ['tcp', '22', '22/22'],
    ['udp', '53-54', '53/54'],
    ['icmp', 'ignored', '-1/-1'],
    ['icmpv6', '', '-1/-1'],
    ['gre', '', '-1/-1'],
    ['all', '22', '-1/-1'],
  ] as const)('%s with %j is sent as %s', (protocol, ports, expected) => {
    expect(portRangeOf({ protocol, ports })).toBe(expected);
  });

  it('does not ask for ports where ECS fixes them at -1/-1', () => {
    for (const protocol of ['icmp', 'gre', 'all'] as const) {
      expect(checkRuleRow(row({ protocol, ports: '' }), inbound).errors).toEqual({});
    }
  });
});

describe('priority (1–100, default 1)', () => {
  it.each([
    ['1', undefined],
    ['100', undefined],
    [' 7 ', undefined],
    ['', 'required'],
    ['0', 'outOfRange'],
    ['101', 'outOfRange'],
    ['1.5', 'notWhole'],
    ['-3', 'notWhole'],
  ])('%j → %s', (text, expected) => {
    expect(checkPriority(text)).toBe(expected);
  });

  it('starts a new row at priority 1, allow, TCP, IPv4', () => {
    expect(newRuleRow('k')).toMatchObject({ priority: '1', policy: 'accept', protocol: 'tcp', peerKind: 'ipv4' });
  });
});

describe('source or destination: exactly one kind, as ECS takes it', () => {
  it.each<[Partial<RuleRowForm>, string | undefined]>([
    [{ peerKind: 'ipv4', peerValue: '10.0.0.0/8' }, undefined],
    [{ peerKind: 'ipv4', peerValue: '203.0.113.7' }, undefined],
    [{ peerKind: 'ipv4', peerValue: '0.0.0.0/0' }, undefined],
    [{ peerKind: 'ipv4', peerValue: '' }, 'required'],
    [{ peerKind: 'ipv4', peerValue: '10.0.0.0/33' }, 'ipv4Malformed'],
    [{ peerKind: 'ipv4', peerValue: '10.1/16' }, 'ipv4Malformed'],
    [{ peerKind: 'ipv4', peerValue: '0x0a.0.0.1' }, 'ipv4Malformed'],
    [{ peerKind: 'ipv4', peerValue: '256.0.0.1' }, 'ipv4Malformed'],
    [{ peerKind: 'ipv4', peerValue: '2001:db8::/32' }, 'ipv4Malformed'],
    [{ peerKind: 'ipv6', peerValue: '2001:db8::/32' }, undefined],
    [{ peerKind: 'ipv6', peerValue: '::/0' }, undefined],
    [{ peerKind: 'ipv6', peerValue: '2001:db8::/129' }, 'ipv6Malformed'],
    [{ peerKind: 'ipv6', peerValue: 'fe80::1%eth0' }, 'ipv6Malformed'],
    [{ peerKind: 'ipv6', peerValue: '10.0.0.0/8' }, 'ipv6Malformed'],
    [{ peerKind: 'group', peerValue: 'sg-peer' }, undefined],
    [{ peerKind: 'group', peerValue: 'sg-target' }, undefined],
    [{ peerKind: 'group', peerValue: 'sg-nowhere' }, 'groupNotFound'],
    [{ peerKind: 'group', peerValue: 'sg-far' }, 'groupOtherVpc'],
    [{ peerKind: 'group', peerValue: 'sg-adv' }, 'groupAdvanced'],
    [{ peerKind: 'prefixList', peerValue: 'pl-2ze8tdvzeaqtlo0x7m' }, undefined],
    [{ peerKind: 'prefixList', peerValue: 'prefix-1' }, 'prefixListMalformed'],
    // ECS: InvalidParam.Ipv4ProtocolConflictWithIpv6Address and its twin.
    [{ protocol: 'icmp', peerKind: 'ipv6', peerValue: '::/0' }, 'icmpNeedsIpv4'],
    [{ protocol: 'icmpv6', peerKind: 'ipv4', peerValue: '0.0.0.0/0' }, 'icmpv6NeedsIpv6'],
    [{ protocol: 'icmpv6', peerKind: 'ipv6', peerValue: '::/0' }, undefined],
  ])('%j → %s', (fields, expected) => {
    expect(checkRuleRow(row(fields), inbound).errors.peer).toBe(expected);
  });

  it('skips the group checks while the region’s groups load', () => {
    const loading = { ...inbound, regionGroups: undefined };
    expect(checkRuleRow(row({ peerKind: 'group', peerValue: 'sg-x' }), loading).errors).toEqual({});
  });

  it('refuses IPv6 in a classic group and any group peer in an advanced group', () => {
    expect(peerKindUnavailable(classic, 'ipv6')).toBe('ipv6NeedsVpc');
    expect(peerKindUnavailable(target, 'ipv6')).toBeUndefined();
    expect(peerKindUnavailable(advanced, 'group')).toBe('groupsNotAllowed');
    const classicRow = row({ peerKind: 'ipv6', peerValue: '::/0' });
    expect(checkRuleRow(classicRow, { ...inbound, group: classic }).errors.peer).toBe('ipv6NeedsVpc');
    const advancedRow = row({ peerKind: 'group', peerValue: 'sg-adv' });
    expect(checkRuleRow(advancedRow, { ...inbound, group: advanced }).errors.peer).toBe('groupsNotAllowed');
  });

  it('says why a group cannot be picked', () => {
    expect(peerGroupUnavailable(target, sameVpc)).toBeUndefined();
    expect(peerGroupUnavailable(target, otherVpc)).toBe('groupOtherVpc');
    expect(peerGroupUnavailable(target, advanced)).toBe('groupAdvanced');
    expect(peerGroupUnavailable(advanced, sameVpc)).toBe('groupsNotAllowed');
  });
});

describe('hints that do not block', () => {
  it.each([
    ['10.0.0.1/24', 4, '10.0.0.0/24'],
    ['10.0.0.0/24', 4, undefined],
    ['10.0.0.1', 4, undefined],
    ['192.168.1.77/16', 4, '192.168.0.0/16'],
    ['2001:db8::1/32', 6, '2001:db8::/32'],
    ['2001:db8::/32', 6, undefined],
    ['not an address/8', 4, undefined],
  ] as const)('host bits of %s → %s', (text, family, expected) => {
    expect(hostBitsSuggestion(text, family)).toBe(expected);
  });

  it('suggests the network address beside the row, which stays valid', () => {
    const checked = checkRuleRow(row({ peerValue: '10.0.0.1/24' }), inbound);
    expect(checked.errors).toEqual({});
    expect(checked.hints.networkCidr).toBe('10.0.0.0/24');
  });

  it.each<[Partial<RuleRowForm>, 'ingress' | 'egress', string[]]>([
    [{ ports: '22', peerValue: '0.0.0.0/0' }, 'ingress', ['SSH']],
    [{ ports: '3389', peerKind: 'ipv6', peerValue: '::/0' }, 'ingress', ['RDP']],
    [{ ports: '3300-3310', peerValue: '0.0.0.0/0' }, 'ingress', ['MySQL']],
    [{ ports: '22', peerValue: '10.0.0.0/8' }, 'ingress', []],
    [{ ports: '22', peerValue: '0.0.0.0/0', policy: 'drop' }, 'ingress', []],
    [{ ports: '22', peerValue: '0.0.0.0/0' }, 'egress', []],
    [{ ports: '443', peerValue: '0.0.0.0/0' }, 'ingress', []],
    [{ protocol: 'udp', ports: '22', peerValue: '0.0.0.0/0' }, 'ingress', []],
  ])('world-open admin ports of %j (%s) → %j', (fields, direction, expected) => {
    expect(worldOpenServices(row(fields), direction)).toEqual(expected);
  });

  it('names every admin service for all traffic from anywhere, and still allows sending it', () => {
    const checked = checkRuleRow(row({ protocol: 'all', ports: '', peerValue: '0.0.0.0/0' }), inbound);
    expect(checked.errors).toEqual({});
    expect(checked.hints.worldOpen).toEqual(expect.arrayContaining(['SSH', 'RDP', 'MySQL', 'Redis']));
  });
});

describe('description (≤ 512 characters)', () => {
  it('counts characters as the BFF and ECS do (UTF-16 units)', () => {
    expect(checkRuleRow(row({ description: 'x'.repeat(512) }), inbound).errors).toEqual({});
    expect(checkRuleRow(row({ description: 'x'.repeat(513) }), inbound).errors.description).toBe('tooLong');
    expect(checkRuleRow(row({ description: '🔒'.repeat(256) }), inbound).errors).toEqual({});
    expect(checkRuleRow(row({ description: '🔒'.repeat(257) }), inbound).errors.description).toBe('tooLong');
  });
});

describe('the set of rows against the group (ECS adds all or none)', () => {
  const full = group(
    'sg-full',
    Array.from({ length: 198 }, (_, index) => ({ id: `sgr-${index}`, ports: `${index + 1}/${index + 1}` })),
  );

  it('counts the 200-rule limit with the group’s current rules, inbound and outbound', () => {
    const two = [row({ key: 'a', ports: '1000' }), row({ key: 'b', ports: '1001' })];
    expect(checkRuleSet(two, full)).toEqual([]);
    const three = [...two, row({ key: 'c', ports: '1002' })];
    expect(checkRuleSet(three, full)).toEqual([{ kind: 'ruleLimit', current: 198, adding: 3, max: 200 }]);
    expect(checkRuleRows(three, { ...inbound, group: full }).valid).toBe(false);
  });

  it('counts the 20 groups a basic group may reference', () => {
    const peers = Array.from({ length: 19 }, (_, index) => ({ id: `sgr-${index}`, peer: `sg-p${index}` }));
    const referencing = group('sg-ref', peers);
    expect(checkRuleSet([row({ peerKind: 'group', peerValue: 'sg-p0' })], referencing)).toEqual([]);
    const twoNew = [row({ peerKind: 'group', peerValue: 'sg-new1' }), row({ peerKind: 'group', peerValue: 'sg-new2' })];
    expect(checkRuleSet(twoNew, referencing)).toEqual([{ kind: 'groupReferenceLimit', referenced: 21, max: 20 }]);
  });

  it('sends at most 100 rules in one call', () => {
    const rows = Array.from({ length: 101 }, (_, index) => row({ key: `k${index}` }));
    expect(checkRuleSet(rows, target)).toEqual([{ kind: 'requestLimit', adding: 101, max: 100 }]);
    expect(checkRuleSet(rows.slice(1), target)).toEqual([]);
  });

  it('is valid only with at least one row and no row error', () => {
    expect(checkRuleRows([], inbound).valid).toBe(false);
    expect(checkRuleRows([row({})], inbound).valid).toBe(true);
    expect(checkRuleRows([row({}), row({ key: 'bad', ports: '70000' })], inbound).valid).toBe(false);
  });
});

describe('duplicates ECS would not add (same rule but for priority and description)', () => {
  const existing = group('sg-dup', [
    { id: 'sgr-ssh', peer: '10.0.0.0/8', priority: 1 },
    { id: 'sgr-out', direction: 'egress', peer: '10.0.0.0/8' },
  ]);
  const context: RuleFormContext = { direction: 'ingress', group: existing, regionGroups: [existing] };
  const hintOf = (rows: RuleRowForm[], key: string) => checkRuleRows(rows, context).rows.get(key)?.hints.duplicate;

  it.each<[Partial<RuleRowForm>, string | undefined]>([
    [{ priority: '50', description: 'again' }, 'sgr-ssh'],
    [{ peerValue: '10.1.2.3/8' }, 'sgr-ssh'],
    [{ ports: '22-22' }, 'sgr-ssh'],
    [{ ports: '2222' }, undefined],
    [{ policy: 'drop' }, undefined],
    [{ peerValue: '10.0.0.0/16' }, undefined],
    [{ protocol: 'udp' }, undefined],
  ])('%j repeats %s', (fields, ruleId) => {
    const hint = hintOf([row({ key: 'a', ...fields })], 'a');
    expect(hint).toEqual(ruleId === undefined ? undefined : { kind: 'existing', ruleId });
  });

  it('compares only rules of the same direction', () => {
    const outbound = { ...context, direction: 'egress' as const };
    expect(checkRuleRows([row({ key: 'a' })], outbound).rows.get('a')?.hints.duplicate).toEqual({
      kind: 'existing',
      ruleId: 'sgr-out',
    });
  });

  it('points a repeated row at the first one, and still sends them', () => {
    const rows = [row({ key: 'a', ports: '80' }), row({ key: 'b', ports: '80', priority: '9' })];
    expect(hintOf(rows, 'a')).toBeUndefined();
    expect(hintOf(rows, 'b')).toEqual({ kind: 'row', index: 0 });
    expect(checkRuleRows(rows, context).valid).toBe(true);
  });

  it('does not count rows ECS would not add against the 200-rule limit', () => {
    const nearlyFull = group(
      'sg-full',
      Array.from({ length: 200 }, (_, index) => ({
        id: `sgr-${index}`,
        ports: `${index + 1}/${index + 1}`,
        peer: '10.0.0.0/8',
      })),
    );
    const full: RuleFormContext = { ...context, group: nearlyFull };
    expect(checkRuleRows([row({ key: 'a', ports: '22' })], full).set).toEqual([]);
    expect(checkRuleRows([row({ key: 'a', ports: '443' })], full).set).toEqual([
      { kind: 'ruleLimit', current: 200, adding: 1, max: 200 },
    ]);
  });
});

describe('errors shown while typing', () => {
  it('shows malformed input at once and missing input only after a submit', () => {
    const errors = { ports: 'required', peer: 'ipv4Malformed' } as const;
    expect(errorsToShow(errors, false)).toEqual({ peer: 'ipv4Malformed' });
    expect(errorsToShow(errors, true)).toEqual(errors);
  });
});

describe('editing a rule', () => {
  const existing = rule({ id: 'sgr-1', ports: '22/22', peer: '10.0.0.0/8', priority: 5 });
  const described = { ...existing, description: 'office' };

  it('starts from the rule as ECS has it', () => {
    expect(rowOfRule(existing)).toMatchObject({
      key: 'sgr-1',
      policy: 'accept',
      priority: '5',
      protocol: 'tcp',
      ports: '22',
      peerKind: 'ipv4',
      peerValue: '10.0.0.0/8',
    });
    expect(rowOfRule(rule({ id: 'sgr-2', ports: '1000/2000', peer: 'sg-peer' }))).toMatchObject({
      ports: '1000-2000',
      peerKind: 'group',
      peerValue: 'sg-peer',
    });
    expect(rowOfRule(rule({ id: 'sgr-3', protocol: 'ICMP', peer: '::/0' }))).toMatchObject({
      protocol: 'icmp',
      ports: '',
      peerKind: 'ipv6',
    });
  });

  it('refuses to empty a description ECS has (ECS keeps a field sent empty)', () => {
    const context = { ...inbound };
    const emptied = { ...rowOfRule(described), description: '' };
    expect(checkRuleEdit(described, emptied, context).errors).toEqual({ description: 'cannotClear' });
    expect(checkRuleEdit(existing, rowOfRule(existing), context).errors).toEqual({});
  });
});
