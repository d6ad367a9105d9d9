import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';
import { useTranslation } from 'react-i18next';
import type { DescriptionError, NameError } from '@/lib/ecs-resource-rules';

/** `cannotClear`: a Modify…Attribute action sets a name or description but never removes one. */
type Uncleared = 'cannotClear';

interface NameDescriptionFieldsProps {
  readonly name: string;
  readonly description: string;
  readonly onNameChange: (name: string) => void;
  readonly onDescriptionChange: (description: string) => void;
  /** What to show as wrong (null or absent: nothing yet), as ecs-resource-rules reports it. */
  readonly errors: {
    readonly name?: NameError | Uncleared | null;
    readonly description?: DescriptionError | Uncleared | null;
  };
  readonly autoFocus?: boolean;
}

/** A resource's Name and Description under ECS's rules (disks, security groups), with one set of texts. */
export function NameDescriptionFields({
  name,
  description,
  onNameChange,
  onDescriptionChange,
  errors,
  autoFocus,
}: NameDescriptionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        label={t('resourceFields.name.label')}
        constraintText={t('resourceFields.name.constraint')}
        errorText={errors.name ? t(`resourceFields.name.errors.${errors.name}`) : undefined}
      >
        <Input
          autoFocus={autoFocus}
          autoComplete={false}
          spellcheck={false}
          value={name}
          onChange={({ detail }) => onNameChange(detail.value)}
        />
      </FormField>
      <FormField
        label={t('resourceFields.description.label')}
        constraintText={t('resourceFields.description.constraint')}
        errorText={errors.description ? t(`resourceFields.description.errors.${errors.description}`) : undefined}
      >
        <Textarea rows={2} value={description} onChange={({ detail }) => onDescriptionChange(detail.value)} />
      </FormField>
    </>
  );
}
