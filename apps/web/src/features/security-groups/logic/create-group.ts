import type { CreateSecurityGroupRequest } from '@ecs-console/ecs-client';
import {
  tagParameter,
  tagsAreValid,
  validateDescription,
  validateResourceName,
  validateTags,
  type DescriptionError,
  type NameError,
  type TagDraft,
  type TagErrors,
} from '@/lib/ecs-resource-rules';
import { isCidrOf, isWholeInternet } from './rule-form-peer';
import { hasAdministrativeRules, templateById, type GroupTemplateId } from './group-templates';
import type { GroupType } from './group-row';

/** A VPC's ID as ECS writes it: `vpc-` and lower-case letters and digits. */
const VPC_ID = /^vpc-[a-z0-9]+$/;

export interface CreateGroupForm {
  readonly name: string;
  readonly description: string;
  /** As chosen or typed. */
  readonly vpcId: string;
  readonly type: GroupType;
  readonly tags: readonly TagDraft[];
  readonly template: GroupTemplateId;
  /** The source the template's SSH or RDP rule allows (an IPv4 CIDR block or address). */
  readonly adminSource: string;
}

export type VpcError = 'required' | 'format';
export type AdminSourceError = 'required' | 'format';

export interface CreateGroupErrors {
  readonly name: NameError | null;
  readonly description: DescriptionError | null;
  readonly vpcId: VpcError | null;
  readonly adminSource: AdminSourceError | null;
  readonly tags: TagErrors;
}

function validateVpcId(vpcId: string): VpcError | null {
  const trimmed = vpcId.trim();
  if (trimmed === '') return 'required';
  return VPC_ID.test(trimmed) ? null : 'format';
}

function validateAdminSource(form: CreateGroupForm): AdminSourceError | null {
  if (!hasAdministrativeRules(templateById(form.template))) return null;
  const source = form.adminSource.trim();
  if (source === '') return 'required';
  return isCidrOf(source, 4) ? null : 'format';
}

/** Everything ECS would refuse in the form, by field (CreateSecurityGroup, then AuthorizeSecurityGroup). */
export function validateCreateGroup(form: CreateGroupForm): CreateGroupErrors {
  return {
    name: validateResourceName(form.name),
    description: validateDescription(form.description),
    vpcId: validateVpcId(form.vpcId),
    adminSource: validateAdminSource(form),
    tags: validateTags(form.tags),
  };
}

export function isCreateGroupValid(errors: CreateGroupErrors): boolean {
  const { tags, ...fields } = errors;
  return Object.values(fields).every((error) => error === null) && tagsAreValid(tags);
}

/** Whether the template's SSH or RDP rule would be open to the whole internet. */
export function adminOpenToInternet(form: Pick<CreateGroupForm, 'template' | 'adminSource'>): boolean {
  return hasAdministrativeRules(templateById(form.template)) && isWholeInternet(form.adminSource.trim(), 4);
}

export type CreateGroupParams = CreateSecurityGroupRequest & { readonly RegionId: string };

/** The CreateSecurityGroup call for a valid form (without its ClientToken). */
export function createGroupRequest(form: CreateGroupForm, regionId: string): CreateGroupParams {
  const description = form.description;
  return {
    RegionId: regionId,
    VpcId: form.vpcId.trim(),
    SecurityGroupName: form.name,
    ...(description ? { Description: description } : {}),
    SecurityGroupType: form.type === 'advanced' ? 'enterprise' : 'normal',
    ...tagParameter(form.tags),
  };
}

/**
 * The VPCs a new group can be put in, as far as the console knows them: those the region's instances
 * and groups are in, each once, sorted.
 */
export function knownVpcIds(
  instances: readonly { readonly VpcAttributes: { readonly VpcId: string } }[],
  groups: readonly { readonly VpcId: string }[],
): string[] {
  const ids = new Set<string>();
  for (const instance of instances) if (instance.VpcAttributes.VpcId) ids.add(instance.VpcAttributes.VpcId);
  for (const group of groups) if (group.VpcId) ids.add(group.VpcId);
  return [...ids].sort();
}

/** The Edit form: the group's name and description as the user edits them. */
export interface EditGroupForm {
  readonly name: string;
  readonly description: string;
}

export interface EditGroupErrors {
  /** `cannotClear`: ModifySecurityGroupAttribute sets a name or description (2+ characters) but never removes one. */
  readonly name: NameError | 'cannotClear' | null;
  readonly description: DescriptionError | 'cannotClear' | null;
}

type EditedGroup = { readonly SecurityGroupName: string; readonly Description: string };

/** Why ECS would refuse the edited name or description; unchanged values are not checked. */
export function validateGroupEdit(group: EditedGroup, form: EditGroupForm): EditGroupErrors {
  const name = form.name.trim();
  const { description } = form;
  return {
    name: name === group.SecurityGroupName ? null : name === '' ? 'cannotClear' : validateResourceName(name),
    description:
      description === group.Description ? null : description === '' ? 'cannotClear' : validateDescription(description),
  };
}

/** Only what the user changed: ModifySecurityGroupAttribute leaves what is not sent as it is. */
export function groupEditChanges(
  group: EditedGroup,
  form: EditGroupForm,
): { SecurityGroupName?: string; Description?: string } {
  const name = form.name.trim();
  return {
    ...(name !== group.SecurityGroupName ? { SecurityGroupName: name } : {}),
    ...(form.description !== group.Description ? { Description: form.description } : {}),
  };
}
