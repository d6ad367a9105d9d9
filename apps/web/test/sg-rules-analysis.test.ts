import { describe, expect, it } from 'vitest';
import { ADMIN_PORTS, analyseRules, findingsByRuleId, type Finding } from '@/features/security-groups/logic/rules';
import { ids, rule, type RuleSpec } from './sg-rules-builders';

function analyse(specs: readonly RuleSpec[]): Finding[] {
  return analyseRules(specs.map((spec) => rule(spec)));
}

/** Findings as [kind, subject rule IDs, involved rule IDs] for compact expectations. */
function summary(findings: readonly Finding[]): [string, string[], string[]][] {
  return findings.map((finding) => {
    switch (finding.kind) {
      case 'worldOpen':
        return [finding.kind, [finding.rule.ruleId], finding.ports.map((port) => String(port.port))];
      case 'shadowed':
      case 'overriddenByDeny':
        return [finding.kind, [finding.rule.ruleId], ids(finding.by)];
      case 'duplicate':
        return [finding.kind, [finding.rule.ruleId], [finding.of.ruleId]];
      case 'mergeable':
        return [finding.kind, ids(finding.rules), []];
    }
  });
}

const lan = '10.0.0.0/8';

describe('worldOpen', () => {
  it.each<[string, RuleSpec, 'high' | 'medium', number[]]>([
    ['SSH from 0.0.0.0/0', { id: 'r', ports: '22/22' }, 'high', [22]],
    ['RDP from ::/0', { id: 'r', ports: '3389/3389', peer: '::/0' }, 'high', [3389]],
    ['a wide range', { id: 'r', ports: '1/1000' }, 'high', [21, 22, 23, 135, 139, 445]],
    ['udp Memcached', { id: 'r', protocol: 'UDP', ports: '11211/11211' }, 'high', [11211]],
    ['file sharing only', { id: 'r', ports: '445/445' }, 'medium', [445]],
  ])('flags %s', (_name, spec, severity, ports) => {
    const [finding] = analyse([spec]);
    expect(finding).toMatchObject({ kind: 'worldOpen', severity, rule: { ruleId: 'r' } });
    expect(finding?.kind === 'worldOpen' && finding.ports.map((port) => port.port)).toEqual(ports);
  });

  it('counts every admin port for protocol ALL', () => {
    const [finding] = analyse([{ id: 'r', protocol: 'ALL' }]);
    expect(finding?.kind === 'worldOpen' && finding.ports.length).toBe(ADMIN_PORTS.length);
    expect(finding?.kind === 'worldOpen' && finding.ports).toContainEqual({ port: 22, service: 'SSH' });
  });

  it.each<[string, RuleSpec]>([
    ['HTTPS from the world', { id: 'r', ports: '443/443' }],
    ['SSH from a private range', { id: 'r', peer: lan }],
    ['a deny from the world', { id: 'r', policy: 'Drop' }],
    ['an egress rule to the world', { id: 'r', direction: 'egress' }],
    ['ICMP from the world', { id: 'r', protocol: 'ICMP' }],
    ['0.0.0.0/1 (not the whole internet)', { id: 'r', peer: '0.0.0.0/1' }],
  ])('leaves %s alone', (_name, spec) => {
    expect(analyse([spec])).toEqual([]);
  });
});

describe('shadowed and overriddenByDeny', () => {
  it('reports a rule that an earlier, broader accept covers', () => {
    const findings = analyse([
      { id: 'sgr-wide', ports: '1/1000', peer: lan, priority: 1 },
      { id: 'sgr-ssh', ports: '22/22', peer: '10.1.0.0/16', priority: 2 },
    ]);
    expect(summary(findings)).toEqual([['shadowed', ['sgr-ssh'], ['sgr-wide']]]);
  });

  it('counts several earlier rules together: ports 1-1000 and 1001-65535 cover 22', () => {
    const findings = analyse([
      { id: 'sgr-low', ports: '1/1000', peer: lan, priority: 1 },
      { id: 'sgr-high', ports: '1001/65535', peer: lan, priority: 1 },
      { id: 'sgr-ssh', ports: '22/2000', peer: lan, priority: 3 },
    ]);
    expect(summary(findings)).toContainEqual(['shadowed', ['sgr-ssh'], ['sgr-high', 'sgr-low']]);
  });

  it('counts address blocks together: two /25 cover their /24', () => {
    const findings = analyse([
      { id: 'sgr-a', peer: '10.0.0.0/25', priority: 1 },
      { id: 'sgr-b', peer: '10.0.0.128/25', priority: 1 },
      { id: 'sgr-c', peer: '10.0.0.0/24', priority: 5 },
    ]);
    expect(summary(findings)).toContainEqual(['shadowed', ['sgr-c'], ['sgr-a', 'sgr-b']]);
  });

  it('counts ports × addresses together, not each alone', () => {
    // Two corners of the (port, address) square do not cover it.
    const findings = analyse([
      { id: 'sgr-a', ports: '1/100', peer: '10.0.0.0/25', priority: 1 },
      { id: 'sgr-b', ports: '101/200', peer: '10.0.0.128/25', priority: 1 },
      { id: 'sgr-c', ports: '1/200', peer: '10.0.0.0/24', priority: 5 },
    ]);
    expect(findings.filter((finding) => finding.kind === 'shadowed')).toEqual([]);
  });

  it('reports an accept covered partly by a deny as overriddenByDeny, naming both', () => {
    const findings = analyse([
      { id: 'sgr-deny', ports: '1/100', peer: lan, policy: 'Drop', priority: 1 },
      { id: 'sgr-allow-rest', ports: '101/65535', peer: lan, priority: 1 },
      { id: 'sgr-ssh', ports: '22/8080', peer: '10.1.2.0/24', priority: 1 },
    ]);
    expect(summary(findings)).toContainEqual(['overriddenByDeny', ['sgr-ssh'], ['sgr-deny', 'sgr-allow-rest']]);
  });

  it('treats a deny at the same priority as evaluated first', () => {
    const findings = analyse([
      { id: 'sgr-a-allow', peer: '10.1.1.1', priority: 5 },
      { id: 'sgr-z-deny', protocol: 'ALL', peer: lan, policy: 'Drop', priority: 5 },
    ]);
    expect(summary(findings)).toEqual([['overriddenByDeny', ['sgr-a-allow'], ['sgr-z-deny']]]);
  });

  it('reports a deny covered by earlier accepts as shadowed', () => {
    const findings = analyse([
      { id: 'sgr-allow', protocol: 'ALL', peer: lan, priority: 1 },
      { id: 'sgr-deny', protocol: 'UDP', ports: '53/53', peer: '10.0.0.53', policy: 'Drop', priority: 2 },
    ]);
    expect(summary(findings)).toEqual([['shadowed', ['sgr-deny'], ['sgr-allow']]]);
  });

  it.each<[string, RuleSpec, RuleSpec]>([
    [
      'a later priority but a narrower earlier rule',
      { id: 'e', ports: '22/22' },
      { id: 'l', ports: '1/100', priority: 2 },
    ],
    ['another protocol', { id: 'e', protocol: 'UDP' }, { id: 'l', priority: 2 }],
    ['another family', { id: 'e', peer: '::/0' }, { id: 'l', peer: '2001:db8::/32', priority: 2, ports: '80/80' }],
    [
      'ALL covered only by a tcp rule',
      { id: 'e', protocol: 'TCP', ports: '1/65535', peer: lan },
      { id: 'l', protocol: 'ALL', peer: lan, priority: 2 },
    ],
    [
      'a group rule after a world CIDR',
      { id: 'e', peer: '0.0.0.0/0', ports: '80/80' },
      { id: 'l', peer: 'sg-x', priority: 2, ports: '80/80' },
    ],
    [
      'a prefix-list rule',
      { id: 'e', peer: lan, ports: '80/80' },
      { id: 'l', peer: 'pl-1', priority: 2, ports: '80/80' },
    ],
    [
      'other directions',
      { id: 'e', direction: 'egress', ports: '80/80' },
      { id: 'l', peer: lan, priority: 2, ports: '80/80' },
    ],
  ])('does not report %s', (_name, earlier, later) => {
    expect(analyse([earlier, later]).filter((finding) => finding.kind !== 'worldOpen')).toEqual([]);
  });

  it('lets an ALL rule cover specific protocols and a group rule cover the same group', () => {
    const findings = analyse([
      { id: 'sgr-all', protocol: 'ALL', peer: 'sg-app', priority: 1 },
      { id: 'sgr-pg', ports: '5432/5432', peer: 'sg-app', priority: 2 },
      { id: 'sgr-ping', protocol: 'ICMP', peer: 'sg-app', priority: 2 },
    ]);
    expect(summary(findings)).toEqual([
      ['shadowed', ['sgr-pg'], ['sgr-all']],
      ['shadowed', ['sgr-ping'], ['sgr-all']],
    ]);
  });
});

describe('duplicate', () => {
  it('reports the later of two identical rules, and not as shadowed', () => {
    const findings = analyse([
      { id: 'sgr-2', ports: '80/80', peer: lan },
      { id: 'sgr-1', ports: '80/80', peer: '10.9.9.9/8' },
    ]);
    expect(summary(findings)).toEqual([['duplicate', ['sgr-2'], ['sgr-1']]]);
  });

  it('finds duplicates across groups of one instance', () => {
    const findings = analyseRules([rule({ id: 'sgr-a', peer: lan }, 'sg-1'), rule({ id: 'sgr-b', peer: lan }, 'sg-2')]);
    expect(summary(findings)).toEqual([['duplicate', ['sgr-b'], ['sgr-a']]]);
  });

  it.each<[string, RuleSpec]>([
    ['policy', { id: 'sgr-2', peer: lan, policy: 'Drop', priority: 3 }],
    ['priority', { id: 'sgr-2', peer: lan, priority: 4 }],
    ['peer', { id: 'sgr-2', peer: '10.0.0.0/9', priority: 3 }],
    ['direction', { id: 'sgr-2', peer: lan, priority: 3, direction: 'egress' }],
  ])('does not call rules that differ in %s duplicates', (_name, other) => {
    const findings = analyse([{ id: 'sgr-1', peer: lan, priority: 3 }, other]);
    expect(findings.filter((finding) => finding.kind === 'duplicate')).toEqual([]);
  });
});

describe('mergeable', () => {
  it('merges overlapping or adjacent port ranges of otherwise identical rules', () => {
    const findings = analyse([
      { id: 'sgr-a', ports: '80/80', peer: lan },
      { id: 'sgr-b', ports: '81/90', peer: lan },
      { id: 'sgr-c', ports: '85/100', peer: lan },
      { id: 'sgr-d', ports: '200/200', peer: lan },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'mergeable', merged: { ports: { from: 80, to: 100 } } }),
    ]);
    expect(summary(findings)).toEqual([['mergeable', ['sgr-a', 'sgr-b', 'sgr-c'], []]]);
  });

  it('merges CIDRs that aggregate to one block', () => {
    const findings = analyse([
      { id: 'sgr-a', peer: '10.0.0.0/25' },
      { id: 'sgr-b', peer: '10.0.0.128/26' },
      { id: 'sgr-c', peer: '10.0.0.192/26' },
      { id: 'sgr-d', peer: '10.0.1.0/25' },
      { id: 'sgr-v6a', peer: '2001:db8::/33' },
      { id: 'sgr-v6b', peer: '2001:db8:8000::/33' },
    ]);
    expect(findings).toEqual([
      {
        kind: 'mergeable',
        rules: [expect.objectContaining({ ruleId: 'sgr-a' }), expect.anything(), expect.anything()],
        merged: { cidr: '10.0.0.0/24' },
      },
      expect.objectContaining({ merged: { cidr: '2001:db8::/32' } }),
    ]);
    expect(summary(findings)).toEqual([
      ['mergeable', ['sgr-a', 'sgr-b', 'sgr-c'], []],
      ['mergeable', ['sgr-v6a', 'sgr-v6b'], []],
    ]);
  });

  it.each<[string, RuleSpec[]]>([
    [
      'blocks that do not align (10.0.0.128/25 + 10.0.1.0/25)',
      [
        { id: 'a', peer: '10.0.0.128/25' },
        { id: 'b', peer: '10.0.1.0/25' },
      ],
    ],
    [
      'a gap between port ranges',
      [
        { id: 'a', ports: '80/80', peer: lan },
        { id: 'b', ports: '82/82', peer: lan },
      ],
    ],
    [
      'different policies',
      [
        { id: 'a', ports: '80/80', peer: lan },
        { id: 'b', ports: '81/81', peer: lan, policy: 'Drop' },
      ],
    ],
    [
      'different ports and CIDRs',
      [
        { id: 'a', ports: '80/80', peer: '10.0.0.0/25' },
        { id: 'b', ports: '81/81', peer: '10.0.0.128/25' },
      ],
    ],
  ])('does not merge %s', (_name, specs) => {
    expect(analyse(specs).filter((finding) => finding.kind === 'mergeable')).toEqual([]);
  });

  it('does not offer to merge a rule already reported as shadowed', () => {
    const findings = analyse([
      { id: 'sgr-a', ports: '1/100', peer: lan },
      { id: 'sgr-b', ports: '50/60', peer: lan },
    ]);
    expect(summary(findings)).toEqual([['shadowed', ['sgr-b'], ['sgr-a']]]);
  });
});

describe('findingsByRuleId', () => {
  it('files each finding under its subject rule, a merge under each of its rules', () => {
    const findings = analyse([
      { id: 'sgr-ssh', ports: '22/22' },
      { id: 'sgr-ssh2', ports: '22/22' },
      { id: 'sgr-80', ports: '80/80', peer: lan },
      { id: 'sgr-81', ports: '81/81', peer: lan },
    ]);
    const byRule = findingsByRuleId(findings);
    expect(byRule.get('sgr-ssh')?.map((finding) => finding.kind)).toEqual(['worldOpen']);
    expect(byRule.get('sgr-ssh2')?.map((finding) => finding.kind)).toEqual(['duplicate', 'worldOpen']);
    expect(byRule.get('sgr-80')?.map((finding) => finding.kind)).toEqual(['mergeable']);
    expect(byRule.get('sgr-81')?.[0]).toBe(byRule.get('sgr-80')?.[0]);
  });
});
