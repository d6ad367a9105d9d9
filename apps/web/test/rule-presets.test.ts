import { describe, expect, it } from 'vitest';
import { checkRuleRow, newRuleRow, portRangeOf } from '@/features/security-groups/logic/rule-form';
import { applyPreset, presetById, presetOfRow, RULE_PRESETS } from '@/features/security-groups/logic/rule-presets';
import { group } from './sg-rules-builders';

describe('rule presets', () => {
  it.each([
    ['ssh', 'tcp', '22/22'],
    ['rdp', 'tcp', '3389/3389'],
    ['http', 'tcp', '80/80'],
    ['https', 'tcp', '443/443'],
    ['icmp', 'icmp', '-1/-1'],
    ['mysql', 'tcp', '3306/3306'],
    ['postgresql', 'tcp', '5432/5432'],
    ['redis', 'tcp', '6379/6379'],
    ['mongodb', 'tcp', '27017/27017'],
    ['all', 'all', '-1/-1'],
  ])('%s fills protocol %s and ports %s', (id, protocol, portRange) => {
    const preset = presetById(id)!;
    const row = applyPreset(newRuleRow('k'), preset);
    expect(row.protocol).toBe(protocol);
    expect(portRangeOf(row)).toBe(portRange);
  });

  it('keeps the peer, policy and priority, and names an undescribed rule after the service', () => {
    const typed = { ...newRuleRow('k'), peerValue: '10.0.0.0/8', policy: 'drop' as const, priority: '9' };
    expect(applyPreset(typed, presetById('ssh')!)).toMatchObject({
      peerValue: '10.0.0.0/8',
      policy: 'drop',
      priority: '9',
      description: 'SSH',
    });
    const described = { ...typed, description: 'bastion' };
    expect(applyPreset(described, presetById('ssh')!).description).toBe('bastion');
  });

  it('gives a row ECS accepts once a source is typed', () => {
    const context = { direction: 'ingress' as const, group: group('sg-1', []), regionGroups: [] };
    for (const preset of RULE_PRESETS) {
      const row = { ...applyPreset(newRuleRow(preset.id), preset), peerValue: '10.0.0.0/8' };
      expect(checkRuleRow(row, context).errors).toEqual({});
    }
  });

  it('recognises the preset a row matches, however it was filled', () => {
    expect(presetOfRow({ protocol: 'tcp', ports: ' 443 ' })?.id).toBe('https');
    expect(presetOfRow({ protocol: 'udp', ports: '443' })).toBeUndefined();
    expect(presetOfRow({ protocol: 'all', ports: '' })?.id).toBe('all');
  });
});
