import type { FormProtocol, RuleRowForm } from './rule-form';

/** A common service a rule row can be filled for: its protocol and ports. */
export interface RulePreset {
  readonly id: RulePresetId;
  /** The service's name, as people call it (not translated). */
  readonly service: string;
  readonly protocol: FormProtocol;
  /** As typed in the form: a port, or empty where the protocol has no ports. */
  readonly ports: string;
}

export type RulePresetId =
  'ssh' | 'rdp' | 'http' | 'https' | 'icmp' | 'mysql' | 'postgresql' | 'redis' | 'mongodb' | 'all';

export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'ssh', service: 'SSH', protocol: 'tcp', ports: '22' },
  { id: 'rdp', service: 'RDP', protocol: 'tcp', ports: '3389' },
  { id: 'http', service: 'HTTP', protocol: 'tcp', ports: '80' },
  { id: 'https', service: 'HTTPS', protocol: 'tcp', ports: '443' },
  { id: 'icmp', service: 'ICMP (IPv4)', protocol: 'icmp', ports: '' },
  { id: 'mysql', service: 'MySQL', protocol: 'tcp', ports: '3306' },
  { id: 'postgresql', service: 'PostgreSQL', protocol: 'tcp', ports: '5432' },
  { id: 'redis', service: 'Redis', protocol: 'tcp', ports: '6379' },
  { id: 'mongodb', service: 'MongoDB', protocol: 'tcp', ports: '27017' },
  { id: 'all', service: 'All traffic', protocol: 'all', ports: '' },
];

export function presetById(id: string): RulePreset | undefined {
  return RULE_PRESETS.find((preset) => preset.id === id);
}

/**
 * The row with the preset's protocol and ports; its source or destination, policy and priority stay,
 * and an empty description becomes the service's name (a rule list then says what each rule is for).
 */
export function applyPreset(row: RuleRowForm, preset: RulePreset): RuleRowForm {
  return {
    ...row,
    protocol: preset.protocol,
    ports: preset.ports,
    description: row.description.trim() === '' ? preset.service : row.description,
  };
}

/** The preset whose protocol and ports the row has, if any (the row may have been typed by hand). */
export function presetOfRow(row: Pick<RuleRowForm, 'protocol' | 'ports'>): RulePreset | undefined {
  return RULE_PRESETS.find((preset) => preset.protocol === row.protocol && preset.ports === row.ports.trim());
}
