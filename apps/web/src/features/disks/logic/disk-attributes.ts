import type { DiskSummary } from '@ecs-console/contract';
import {
  validateDescription,
  validateResourceName,
  type DescriptionError,
  type NameError,
} from '@/lib/ecs-resource-rules';
import type { DiskAttributeChanges } from './disk-action-requests';

/** The Modify attributes form: the disk's attributes as the user edits them. */
export type DiskAttributesForm = Required<DiskAttributeChanges>;

type Attributes = Pick<
  DiskSummary,
  'DiskName' | 'Description' | 'DeleteWithInstance' | 'DeleteAutoSnapshot' | 'EnableAutoSnapshot'
>;

export interface DiskAttributesErrors {
  /** `cannotClear`: ModifyDiskAttribute sets a name or description (2+ characters) but never removes one. */
  readonly DiskName: NameError | 'cannotClear' | null;
  readonly Description: DescriptionError | 'cannotClear' | null;
}

/** Why ECS would refuse the form's name or description; unchanged values are not checked. */
export function validateAttributes(disk: Attributes, form: DiskAttributesForm): DiskAttributesErrors {
  const name = form.DiskName.trim();
  const description = form.Description;
  return {
    DiskName: name === disk.DiskName ? null : name === '' ? 'cannotClear' : validateResourceName(name),
    Description:
      description === disk.Description ? null : description === '' ? 'cannotClear' : validateDescription(description),
  };
}

/** Only what the user changed: ModifyDiskAttribute leaves every attribute not sent as it is. */
export function attributeChanges(disk: Attributes, form: DiskAttributesForm): DiskAttributeChanges {
  const name = form.DiskName.trim();
  return {
    ...(name !== disk.DiskName ? { DiskName: name } : {}),
    ...(form.Description !== disk.Description ? { Description: form.Description } : {}),
    ...(form.DeleteWithInstance !== disk.DeleteWithInstance ? { DeleteWithInstance: form.DeleteWithInstance } : {}),
    ...(form.DeleteAutoSnapshot !== disk.DeleteAutoSnapshot ? { DeleteAutoSnapshot: form.DeleteAutoSnapshot } : {}),
    ...(form.EnableAutoSnapshot !== disk.EnableAutoSnapshot ? { EnableAutoSnapshot: form.EnableAutoSnapshot } : {}),
  };
}
