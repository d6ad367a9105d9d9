import FormField from '@cloudscape-design/components/form-field';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import { NameDescriptionFields } from '@/components/NameDescriptionFields';
import type { DiskSummary } from '@ecs-console/contract';
import { diskLabel } from '../logic/disk-action-requests';
import { attributeChanges, validateAttributes, type DiskAttributesForm } from '../logic/disk-attributes';
import { useRunDiskAction } from './use-run-disk-action';

interface ModifyDiskModalProps {
  readonly regionId: string;
  readonly disk: DiskSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/**
 * Name, description, release with the instance, and automatic snapshots (ModifyDiskAttribute). Only
 * what changed is sent; a non-portable disk always goes with its instance, so that switch is locked.
 */
export function ModifyDiskModal({ visible, ...props }: ModifyDiskModalProps) {
  return visible ? <ModifyDiskDialog {...props} /> : null;
}

function ModifyDiskDialog({ regionId, disk, onDismiss }: Omit<ModifyDiskModalProps, 'visible'>) {
  const { t } = useTranslation();
  const run = useRunDiskAction();
  const [form, setForm] = useState<DiskAttributesForm>({
    DiskName: disk.DiskName,
    Description: disk.Description,
    DeleteWithInstance: disk.DeleteWithInstance,
    DeleteAutoSnapshot: disk.DeleteAutoSnapshot,
    EnableAutoSnapshot: disk.EnableAutoSnapshot,
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = validateAttributes(disk, form);
  const changes = attributeChanges(disk, form);
  const set = <K extends keyof DiskAttributesForm>(key: K, value: DiskAttributesForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  // A removed name or description is said at once; the rest once the user tries to save.
  const shown = <E extends string>(error: E | null) => (submitted || error === 'cannotClear' ? error : null);
  const nameError = shown(errors.DiskName);
  const descriptionError = shown(errors.Description);

  return (
    <FormModal
      header={t('disks.actions.modify.title', { disk: diskLabel(disk) })}
      submitText={t('disks.actions.modify.confirm')}
      submitDisabled={Object.keys(changes).length === 0}
      onSubmit={() => {
        setSubmitted(true);
        if (errors.DiskName || errors.Description) return;
        run(regionId, { action: 'modify', changes }, [disk]);
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <NameDescriptionFields
        name={form.DiskName}
        description={form.Description}
        onNameChange={(name) => set('DiskName', name)}
        onDescriptionChange={(description) => set('Description', description)}
        errors={{ name: nameError, description: descriptionError }}
      />
      <FormField
        description={
          disk.Portable
            ? t('disks.actions.modify.deleteWithInstanceDescription')
            : t('disks.actions.modify.notPortable')
        }
      >
        <Toggle
          checked={form.DeleteWithInstance}
          disabled={!disk.Portable}
          onChange={({ detail }) => set('DeleteWithInstance', detail.checked)}
        >
          {t('disks.actions.modify.deleteWithInstance')}
        </Toggle>
      </FormField>
      <FormField description={t('disks.actions.modify.enableAutoSnapshotDescription')}>
        <Toggle checked={form.EnableAutoSnapshot} onChange={({ detail }) => set('EnableAutoSnapshot', detail.checked)}>
          {t('disks.actions.modify.enableAutoSnapshot')}
        </Toggle>
      </FormField>
      <FormField description={t('disks.actions.modify.deleteAutoSnapshotDescription')}>
        <Toggle checked={form.DeleteAutoSnapshot} onChange={({ detail }) => set('DeleteAutoSnapshot', detail.checked)}>
          {t('disks.actions.modify.deleteAutoSnapshot')}
        </Toggle>
      </FormField>
    </FormModal>
  );
}
