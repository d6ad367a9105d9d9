import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useTranslation } from 'react-i18next';
import { MAX_TAGS, type TagDraft, type TagErrors } from '@/lib/ecs-resource-rules';

interface TagEditorProps {
  readonly tags: readonly TagDraft[];
  readonly onChange: (tags: TagDraft[]) => void;
  /** What to show as wrong (null: nothing yet). */
  readonly errors: TagErrors | null;
}

/**
 * Key/value tags for a new resource (disk, snapshot, security group) under ECS's rules. Cloudscape's own TagEditor checks
 * AWS's rules (`aws:` prefixes, 256-character values), so this is an AttributeEditor with ours.
 */
export function TagEditor({ tags, onChange, errors }: TagEditorProps) {
  const { t } = useTranslation();
  const change = (index: number, field: keyof TagDraft, value: string) =>
    onChange(tags.map((tag, at) => (at === index ? { ...tag, [field]: value } : tag)));
  return (
    <FormField
      label={t('disks.create.tags.label')}
      description={t('disks.create.tags.description')}
      errorText={errors?.count ? t('disks.create.tags.tooMany') : undefined}
      stretch
    >
      <AttributeEditor
        items={tags}
        definition={[
          {
            label: t('disks.create.tags.key'),
            control: (tag, index) => (
              <Input
                value={tag.key}
                placeholder={t('disks.create.tags.keyPlaceholder')}
                ariaLabel={t('disks.create.tags.keyOf', { number: index + 1 })}
                onChange={({ detail }) => change(index, 'key', detail.value)}
              />
            ),
            errorText: (_tag, index) => {
              const error = errors?.keys[index];
              return error ? t(`disks.create.tags.keyErrors.${error}`) : null;
            },
          },
          {
            label: t('disks.create.tags.value'),
            control: (tag, index) => (
              <Input
                value={tag.value}
                placeholder={t('disks.create.tags.valuePlaceholder')}
                ariaLabel={t('disks.create.tags.valueOf', { number: index + 1 })}
                onChange={({ detail }) => change(index, 'value', detail.value)}
              />
            ),
            errorText: (_tag, index) => {
              const error = errors?.values[index];
              return error ? t(`disks.create.tags.valueErrors.${error}`) : null;
            },
          },
        ]}
        addButtonText={t('disks.create.tags.add')}
        removeButtonText={t('disks.create.tags.remove')}
        removeButtonAriaLabel={(tag) => t('disks.create.tags.removeTag', { key: tag.key || '…' })}
        onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
        onRemoveButtonClick={({ detail }) => onChange(tags.filter((_tag, at) => at !== detail.itemIndex))}
        disableAddButton={tags.length >= MAX_TAGS}
        empty={t('disks.create.tags.empty')}
        additionalInfo={t('disks.create.tags.remaining', { count: Math.max(0, MAX_TAGS - tags.length) })}
      />
    </FormField>
  );
}
