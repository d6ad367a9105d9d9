import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { DiskSummary } from '@ecs-console/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';
import { formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { snapshotBlocker } from '../logic/snapshotable-disks';

interface PickDiskModalProps {
  /** The region's disks; `undefined` while they load. */
  readonly disks: readonly DiskSummary[] | undefined;
  /** Disks with a snapshot in progress: ECS takes one at a time. */
  readonly progressingDiskIds: ReadonlySet<string>;
  readonly onPick: (disk: DiskSummary) => void;
  readonly onDismiss: () => void;
}

/**
 * The first step of Create snapshot on the Snapshots page: which disk. Every disk of the region is
 * offered, searchable by name and ID; those ECS would refuse now are shown disabled, saying why.
 */
export function PickDiskModal({ disks, progressingDiskIds, onPick, onDismiss }: PickDiskModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [selected, setSelected] = useState<SelectProps.Option | null>(null);

  const options = useMemo(
    () =>
      (disks ?? []).map((disk): SelectProps.Option => {
        const blocker = snapshotBlocker(disk, progressingDiskIds);
        return {
          value: disk.DiskId,
          label: disk.DiskName || disk.DiskId,
          description: t('snapshots.pickDisk.optionDescription', {
            id: disk.DiskId,
            type: t(`diskType.${disk.Type}`),
            size: formatGiB(disk.Size, locale),
            status: t(`diskStatus.${disk.Status}`),
          }),
          tags: disk.InstanceId ? [disk.InstanceId] : undefined,
          disabled: blocker !== undefined,
          disabledReason: blocker && t(`snapshots.pickDisk.blocked.${blocker}`),
        };
      }),
    [disks, progressingDiskIds, t, locale],
  );
  const disk = disks?.find((candidate) => candidate.DiskId === selected?.value);

  return (
    <FormModal
      header={t('snapshots.pickDisk.title')}
      submitText={t('snapshots.pickDisk.next')}
      submitDisabled={!disk}
      onSubmit={() => disk && onPick(disk)}
      onDismiss={onDismiss}
    >
      <FormField label={t('snapshots.pickDisk.label')} description={t('snapshots.pickDisk.description')}>
        <Select
          selectedOption={selected}
          onChange={({ detail }) => setSelected(detail.selectedOption)}
          options={options}
          filteringType="auto"
          placeholder={t('snapshots.pickDisk.placeholder')}
          statusType={disks ? 'finished' : 'loading'}
          loadingText={t('snapshots.pickDisk.loading')}
          empty={t('snapshots.pickDisk.empty')}
          virtualScroll
          expandToViewport
        />
      </FormField>
    </FormModal>
  );
}
