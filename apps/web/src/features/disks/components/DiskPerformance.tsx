import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { diskPerformance, type SizeRange } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';

interface DiskPerformanceProps {
  readonly category: string;
  readonly performanceLevel: string | undefined;
  /** GiB; null while the size typed is not one the disk can have. */
  readonly size: number | null;
  readonly range: SizeRange;
}

/** What a disk of this category, level and size gives: ECS's baseline IOPS and throughput, and its sizes. */
export function DiskPerformance({ category, performanceLevel, size, range }: DiskPerformanceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const performance = size === null ? null : diskPerformance(category, performanceLevel, size);
  const needsSize = t('disks.create.performance.needsSize');
  return (
    <KeyValuePairs
      columns={3}
      ariaLabel={t('disks.create.performance.header')}
      items={[
        {
          label: t('disks.create.performance.iops'),
          value: performance ? formatCount(performance.IOPS, locale) : needsSize,
        },
        {
          label: t('disks.create.performance.throughput'),
          value: performance
            ? t('disks.create.performance.throughputValue', { value: formatCount(performance.Throughput, locale) })
            : needsSize,
        },
        {
          label: t('disks.create.performance.sizes'),
          value: t('disks.create.performance.sizesValue', {
            min: formatCount(range.min, locale),
            max: formatCount(range.max, locale),
          }),
        },
      ]}
    />
  );
}
