import type { PermissionInput } from '@ecs-console/ecs-client';
import { portRangeOf } from './rule-form';
import { presetById, type RulePreset, type RulePresetId } from './rule-presets';
import { ADMIN_PORTS } from './rules';

/** Starting rules for a new group: inbound services open from a source, as the rule presets define them. */
export interface GroupTemplate {
  readonly id: 'linuxWeb' | 'windows' | 'empty';
  readonly presets: readonly RulePresetId[];
}

export const GROUP_TEMPLATES: readonly GroupTemplate[] = [
  { id: 'linuxWeb', presets: ['ssh', 'http', 'https', 'icmp'] },
  { id: 'windows', presets: ['rdp', 'http', 'https', 'icmp'] },
  { id: 'empty', presets: [] },
];
export type GroupTemplateId = GroupTemplate['id'];

export const WHOLE_INTERNET = '0.0.0.0/0';

/** A rule a template adds, before the user's source for administrative access is applied. */
export interface TemplateRule {
  readonly preset: RulePreset;
  /** Remote administration (SSH, RDP): its source is the one the user chooses. */
  readonly administrative: boolean;
}

const isAdministrative = (preset: RulePreset) =>
  preset.protocol === 'tcp' &&
  ADMIN_PORTS.some((port) => port.category === 'administration' && String(port.port) === preset.ports);

export function templateById(id: GroupTemplateId): GroupTemplate {
  return GROUP_TEMPLATES.find((template) => template.id === id)!;
}

export function templateRules(template: GroupTemplate): TemplateRule[] {
  return template.presets.flatMap((id) => {
    const preset = presetById(id);
    return preset ? [{ preset, administrative: isAdministrative(preset) }] : [];
  });
}

/** Whether the template opens remote administration, whose source the form then asks for. */
export function hasAdministrativeRules(template: GroupTemplate): boolean {
  return templateRules(template).some((rule) => rule.administrative);
}

/**
 * The template's rules as AuthorizeSecurityGroup's `Permissions`: accepted at priority 1, web
 * services and ICMP from anywhere, remote administration from `adminSource` (0.0.0.0/0 unless the
 * user narrows it); NicType intranet in a VPC group; the service's name as the description.
 */
export function templatePermissions(template: GroupTemplate, adminSource: string, vpc: boolean): PermissionInput[] {
  return templateRules(template).map(({ preset, administrative }) => ({
    IpProtocol: preset.protocol,
    PortRange: portRangeOf(preset),
    SourceCidrIp: administrative ? adminSource.trim() : WHOLE_INTERNET,
    Policy: 'accept',
    Priority: 1,
    ...(vpc ? { NicType: 'intranet' as const } : {}),
    Description: preset.service,
  }));
}
