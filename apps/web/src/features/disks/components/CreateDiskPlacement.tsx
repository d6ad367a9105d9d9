import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { diskPerformance, PERFORMANCE_LEVELS, type PerformanceLevel } from '@ecs-console/contract';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import {
  newDiskSizeRange,
  zoneOffersCategory,
  zonesOffering,
  type ZoneError,
  type ZoneOffer,
} from '../logic/create-disk';
import { CATEGORY_CHOICE_ORDER, diskCategoryLabel } from '../logic/disk-categories';

interface CreateDiskPlacementProps {
  readonly zones: UseQueryResult<ZoneOffer[]>;
  readonly zoneId: string | undefined;
  /** The instance whose zone the disk must be in (the zone is then not a choice). */
  readonly fixedFor: string | undefined;
  readonly onZoneChange: (zoneId: string) => void;
  readonly category: string;
  readonly onCategoryChange: (category: string) => void;
  readonly performanceLevel: PerformanceLevel;
  readonly onPerformanceLevelChange: (level: PerformanceLevel) => void;
  readonly zoneError: ZoneError | null;
}

/** The largest ESSD: what each performance level gives at most. */
const LARGEST_DISK_GIB = 65_536;

/** Where the disk goes and what it is built on: zone, category, ESSD performance level. */
export function CreateDiskPlacement({
  zones,
  zoneId,
  fixedFor,
  onZoneChange,
  category,
  onCategoryChange,
  performanceLevel,
  onPerformanceLevelChange,
  zoneError,
}: CreateDiskPlacementProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const offers = zones.data ?? [];
  const categoryName = diskCategoryLabel(t, category);
  const offering = zonesOffering(offers, category);

  const zoneErrorText = (() => {
    if (!zoneError || !zones.isSuccess) return undefined;
    if (offering.length === 0) return t('disks.create.zone.errors.categoryNowhere', { category: categoryName });
    if (zoneError === 'required') return t('disks.create.zone.errors.required');
    const texts = { zone: zoneId, category: categoryName, zones: offering.map((zone) => zone.zoneId).join(', ') };
    return fixedFor
      ? t('disks.create.zone.errors.categoryNotOfferedFixed', texts)
      : t('disks.create.zone.errors.categoryNotOffered', texts);
  })();

  const zoneOptions: SelectProps.Option[] = offers.map((zone) => ({
    value: zone.zoneId,
    label: zone.zoneId,
    description: zone.localName && zone.localName !== zone.zoneId ? zone.localName : undefined,
    tags: zone.categories.includes(category)
      ? undefined
      : [t('disks.create.zone.lacksCategory', { category: categoryName })],
  }));
  const selectedZone = zoneOptions.find((option) => option.value === zoneId) ?? null;

  // Categories some zone of the region offers (all while the zones load), the chosen one always.
  const categories = CATEGORY_CHOICE_ORDER.filter(
    (choice) => choice === category || !zones.isSuccess || zonesOffering(offers, choice).length > 0,
  );
  const categoryOptions: SelectProps.Option[] = categories.map((choice) => ({
    value: choice,
    label: diskCategoryLabel(t, choice),
    description:
      zones.isSuccess && zoneId && !zoneOffersCategory(offers, zoneId, choice)
        ? t('disks.create.category.notOffered', { zone: zoneId })
        : undefined,
  }));
  const levelOptions: SelectProps.Option[] = PERFORMANCE_LEVELS.map((level) => ({
    value: level,
    label: level,
    description: t('disks.create.performanceLevel.option', {
      iops: formatCount(diskPerformance('cloud_essd', level, LARGEST_DISK_GIB).IOPS, locale),
      min: formatCount(newDiskSizeRange('cloud_essd', level).min, locale),
    }),
  }));

  return (
    <>
      {zones.isError && (
        <ApiErrorAlert
          error={zones.error}
          header={t('disks.create.zone.loadFailed')}
          action={<Button onClick={() => void zones.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      {fixedFor ? (
        <FormField
          label={t('disks.create.zone.label')}
          description={t('disks.create.zone.fixed', { instance: fixedFor })}
          errorText={zoneErrorText}
        >
          <Box>{zoneId}</Box>
        </FormField>
      ) : (
        <FormField
          label={t('disks.create.zone.label')}
          description={t('disks.create.zone.description')}
          errorText={zoneErrorText}
        >
          <Select
            selectedOption={selectedZone}
            options={zoneOptions}
            placeholder={t('disks.create.zone.placeholder')}
            statusType={zones.isPending ? 'loading' : 'finished'}
            loadingText={t('disks.create.zone.loading')}
            onChange={({ detail }) => onZoneChange(detail.selectedOption.value ?? '')}
          />
        </FormField>
      )}
      <ColumnLayout columns={category === 'cloud_essd' ? 2 : 1}>
        <FormField label={t('disks.create.category.label')} description={t('disks.create.category.description')}>
          <Select
            selectedOption={categoryOptions.find((option) => option.value === category) ?? null}
            options={categoryOptions}
            onChange={({ detail }) => onCategoryChange(detail.selectedOption.value ?? category)}
          />
        </FormField>
        {category === 'cloud_essd' && (
          <FormField
            label={t('disks.create.performanceLevel.label')}
            description={t('disks.create.performanceLevel.description')}
          >
            <Select
              selectedOption={levelOptions.find((option) => option.value === performanceLevel) ?? null}
              options={levelOptions}
              onChange={({ detail }) =>
                onPerformanceLevelChange((detail.selectedOption.value as PerformanceLevel | undefined) ?? 'PL1')
              }
            />
          </FormField>
        )}
      </ColumnLayout>
    </>
  );
}
