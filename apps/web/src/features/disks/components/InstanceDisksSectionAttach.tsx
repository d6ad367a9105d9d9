import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { DiskSummary } from '@ecs-console/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import { formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { DISK_LIST, useRegionList } from '@/lib/region-list';
import { diskCategoryLabel } from '../logic/disk-categories';
import { useRunDiskAction } from './use-run-disk-action';

/** The instance a disk is to be attached to: what the choice of disks depends on. */
export interface AttachTarget {
  readonly RegionId: string;
  readonly InstanceId: string;
  readonly InstanceName: string;
  readonly ZoneId: string;
}

function isLocked(disk: DiskSummary): boolean {
  return (disk.OperationLocks.OperationLock ?? []).length > 0;
}

/**
 * The disks ECS would attach to the instance: Available, in its zone (`ResourcesNotInSameZone`),
 * portable (`DiskNotPortable`), data disks, not locked. Newest first.
 */
export function attachableDisks(disks: readonly DiskSummary[], instance: Pick<AttachTarget, 'ZoneId'>): DiskSummary[] {
  return disks
    .filter(
      (disk) =>
        disk.Status === 'Available' &&
        disk.ZoneId === instance.ZoneId &&
        disk.Portable &&
        disk.Type === 'data' &&
        !isLocked(disk),
    )
    .sort((a, b) => b.CreationTime.localeCompare(a.CreationTime));
}

interface AttachExistingDiskModalProps {
  readonly instance: AttachTarget;
  readonly onDismiss: () => void;
}

/**
 * Attaches an existing disk to the instance: the reverse of the disk list's Attach (which picks an
 * instance for a disk). The choice filters by ID, name, category and size as the user types.
 */
export function AttachExistingDiskModal({ instance, onDismiss }: AttachExistingDiskModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const runDiskAction = useRunDiskAction();
  const disks = useRegionList(DISK_LIST, instance.RegionId);
  const candidates = attachableDisks(disks.data?.disks ?? [], instance);
  const [selectedId, setSelectedId] = useState<string>();
  const [deleteWithInstance, setDeleteWithInstance] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const selected = candidates.find((disk) => disk.DiskId === selectedId);

  const options: SelectProps.Option[] = candidates.map((disk) => ({
    value: disk.DiskId,
    label: disk.DiskName ? `${disk.DiskName} (${disk.DiskId})` : disk.DiskId,
    description: `${diskCategoryLabel(t, disk.Category, disk.PerformanceLevel)} · ${formatGiB(disk.Size, locale)}`,
    tags: disk.Encrypted ? [t('instances.disks.attach.encrypted')] : undefined,
  }));
  const selectedOption = options.find((option) => option.value === selectedId) ?? null;

  const submit = () => {
    if (!selected) {
      setShowErrors(true);
      return;
    }
    runDiskAction(instance.RegionId, { action: 'attach', instanceId: instance.InstanceId, deleteWithInstance }, [
      selected,
    ]);
    onDismiss();
  };

  return (
    <FormModal
      header={t('instances.disks.attach.title', { instance: instance.InstanceName || instance.InstanceId })}
      submitText={t('instances.disks.attach.submit')}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <FormField
        label={t('instances.disks.attach.disk')}
        description={t('instances.disks.attach.diskDescription', { zone: instance.ZoneId })}
        errorText={showErrors && !selected ? t('instances.disks.attach.diskRequired') : undefined}
      >
        <Select
          selectedOption={selectedOption}
          onChange={({ detail }) => setSelectedId(detail.selectedOption.value)}
          options={options}
          filteringType="auto"
          placeholder={t('instances.disks.attach.placeholder')}
          statusType={disks.isPending ? 'loading' : disks.isError ? 'error' : 'finished'}
          loadingText={t('instances.disks.attach.loading')}
          errorText={t('instances.disks.attach.loadFailed')}
          empty={t('instances.disks.attach.none', { zone: instance.ZoneId })}
          filteringAriaLabel={t('instances.disks.attach.filter')}
          ariaLabel={t('instances.disks.attach.disk')}
        />
      </FormField>
      <Checkbox checked={deleteWithInstance} onChange={({ detail }) => setDeleteWithInstance(detail.checked)}>
        {t('instances.disks.attach.deleteWithInstance')}
      </Checkbox>
      {disks.isSuccess && candidates.length === 0 && (
        <Alert type="info">{t('instances.disks.attach.none', { zone: instance.ZoneId })}</Alert>
      )}
    </FormModal>
  );
}
