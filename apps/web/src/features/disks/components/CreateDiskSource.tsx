import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { SNAPSHOT_LIST, useRegionList } from '@/lib/region-list';
import { snapshotSizeGiB, sourceSnapshots } from '../logic/create-disk';

interface CreateDiskSourceProps {
  readonly regionId: string;
  readonly snapshot: SnapshotSummary | undefined;
  readonly onSnapshotChange: (snapshot: SnapshotSummary | undefined) => void;
  readonly error: string | undefined;
}

const NO_SNAPSHOT = '';
/** Past this many options the list renders only what is in view. */
const VIRTUAL_SCROLL_FROM = 200;

/** The optional snapshot a new disk starts from: one of the region's finished snapshots. */
export function CreateDiskSource({ regionId, snapshot, onSnapshotChange, error }: CreateDiskSourceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRegionList(SNAPSHOT_LIST, regionId);
  const listed = sourceSnapshots(list.data?.snapshots ?? []);
  // A snapshot the dialog was opened with stays a choice while the list loads.
  const choices =
    snapshot && !listed.some((s) => s.SnapshotId === snapshot.SnapshotId) ? [snapshot, ...listed] : listed;

  const diskType = (type: string) => {
    const lower = type.toLowerCase();
    return lower === 'system' || lower === 'data' ? t(`diskType.${lower}`) : type;
  };
  const none: SelectProps.Option = { value: NO_SNAPSHOT, label: t('disks.create.snapshot.none') };
  const options: SelectProps.Option[] = [
    none,
    ...choices.map((choice) => ({
      value: choice.SnapshotId,
      label: choice.SnapshotName || choice.SnapshotId,
      labelTag: choice.SnapshotName ? choice.SnapshotId : undefined,
      description: t('disks.create.snapshot.option', {
        size: formatCount(snapshotSizeGiB(choice), locale),
        type: diskType(choice.SourceDiskType),
        time: formatDateTime(choice.CreationTime, locale),
      }),
      filteringTags: [choice.SnapshotId, choice.SourceDiskId],
    })),
  ];

  return (
    <FormField
      label={t('disks.create.snapshot.label')}
      description={t('disks.create.snapshot.description')}
      errorText={error}
    >
      <Select
        selectedOption={options.find((option) => option.value === (snapshot?.SnapshotId ?? NO_SNAPSHOT)) ?? none}
        options={options}
        filteringType="auto"
        filteringPlaceholder={t('disks.create.snapshot.filter')}
        virtualScroll={options.length > VIRTUAL_SCROLL_FROM}
        statusType={list.isPending ? 'loading' : list.isError ? 'error' : 'finished'}
        loadingText={t('disks.create.snapshot.loading')}
        errorText={t('disks.create.snapshot.loadFailed')}
        empty={t('disks.create.snapshot.empty')}
        onChange={({ detail }) =>
          onSnapshotChange(choices.find((choice) => choice.SnapshotId === detail.selectedOption.value))
        }
      />
    </FormField>
  );
}
