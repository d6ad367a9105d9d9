import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { diskPerformance, type DiskSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { ResourceTags } from '@/components/ResourceTags';
import { formatCount, formatDateTime, formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { diskCategoryLabel } from '../logic/disk-categories';
import { DiskStatusIndicator } from './DiskStatusIndicator';

const orDash = (value: string | undefined) => value || '-';

/** ECS reports IOPS and throughput for most disks; where it does not, the published baseline stands in. */
function performanceOf(disk: DiskSummary): { readonly iops: number; readonly throughput: number } {
  const baseline = diskPerformance(disk.Category, disk.PerformanceLevel, disk.Size);
  return { iops: disk.IOPS || baseline.IOPS, throughput: disk.Throughput || baseline.Throughput };
}

/** The disk's own attributes: what it is, where, how it behaves with its instance, since when, its tags. */
export function DiskOverview({ disk }: { readonly disk: DiskSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const onOff = (value: boolean) => (value ? t('common.enabled') : t('common.disabled'));
  const { iops, throughput } = performanceOf(disk);
  const tags = disk.Tags?.Tag ?? [];
  const locks = disk.OperationLocks.OperationLock ?? [];

  return (
    <Container header={<Header variant="h2">{t('disks.detail.summary')}</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: t('disks.detail.fields.name'), value: orDash(disk.DiskName) },
          { label: t('disks.detail.fields.id'), value: <CopyableId id={disk.DiskId} /> },
          { label: t('disks.detail.fields.status'), value: <DiskStatusIndicator status={disk.Status} /> },
          {
            label: t('disks.detail.fields.category'),
            value: diskCategoryLabel(t, disk.Category, disk.PerformanceLevel),
          },
          { label: t('disks.detail.fields.size'), value: formatGiB(disk.Size, locale) },
          {
            label: t('disks.detail.fields.performance'),
            value: t('disks.detail.performance', {
              iops: formatCount(iops, locale),
              throughput: formatCount(throughput, locale),
            }),
          },
          { label: t('disks.detail.fields.zone'), value: disk.ZoneId },
          { label: t('disks.detail.fields.type'), value: t(`diskType.${disk.Type}`) },
          { label: t('disks.detail.fields.device'), value: orDash(disk.Device) },
          { label: t('disks.detail.fields.deleteWithInstance'), value: yesNo(disk.DeleteWithInstance) },
          { label: t('disks.detail.fields.deleteAutoSnapshot'), value: yesNo(disk.DeleteAutoSnapshot) },
          { label: t('disks.detail.fields.autoSnapshot'), value: onOff(disk.EnableAutoSnapshot) },
          {
            label: t('disks.detail.fields.encrypted'),
            value:
              disk.Encrypted && disk.KMSKeyId
                ? t('disks.detail.encryptedWith', { key: disk.KMSKeyId })
                : yesNo(disk.Encrypted),
          },
          { label: t('disks.detail.fields.chargeType'), value: t(`chargeType.${disk.DiskChargeType}`) },
          ...(disk.DiskChargeType === 'PrePaid'
            ? [{ label: t('disks.detail.fields.expires'), value: formatDateTime(disk.ExpiredTime, locale) }]
            : []),
          { label: t('disks.detail.fields.portable'), value: yesNo(disk.Portable) },
          { label: t('disks.detail.fields.created'), value: formatDateTime(disk.CreationTime, locale) },
          { label: t('disks.detail.fields.attached'), value: formatDateTime(disk.AttachedTime, locale) },
          { label: t('disks.detail.fields.detached'), value: formatDateTime(disk.DetachedTime, locale) },
          { label: t('disks.detail.fields.sourceSnapshot'), value: orDash(disk.SourceSnapshotId) },
          { label: t('disks.detail.fields.image'), value: orDash(disk.ImageId) },
          {
            label: t('disks.detail.fields.locks'),
            value: locks.length > 0 ? locks.map((lock) => lock.LockReason).join(', ') : t('disks.detail.noLocks'),
          },
          { label: t('disks.detail.fields.description'), value: orDash(disk.Description) },
          {
            label: t('disks.detail.fields.tags'),
            value: <ResourceTags tags={tags} empty={t('disks.detail.noTags')} />,
          },
        ]}
      />
    </Container>
  );
}
