import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { DiskSummary, InstanceSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { INSTANCE_LIST } from '@/lib/region-list';

// The instance page's address from the region list: the disks feature may not import the instances feature.
const instancePageHref = INSTANCE_LIST.pagePath;

interface DiskDetailInstanceProps {
  readonly disk: DiskSummary;
  /** The attached instance from the region's list; undefined while it loads or when it is not there. */
  readonly instance: InstanceSummary | undefined;
  readonly instancesLoading: boolean;
}

/** The instance the disk is attached to: name, ID linked to its page, status, device. */
export function DiskDetailInstance({ disk, instance, instancesLoading }: DiskDetailInstanceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const header = <Header variant="h2">{t('disks.detail.instance.title')}</Header>;
  if (!disk.InstanceId) {
    return (
      <Container header={header}>
        <Box color="text-body-secondary">{t('disks.detail.instance.none')}</Box>
      </Container>
    );
  }
  const unknown = instancesLoading ? t('common.loading') : '-';
  return (
    <Container header={header}>
      <KeyValuePairs
        columns={4}
        items={[
          { label: t('disks.detail.instance.name'), value: instance ? instance.InstanceName || '-' : unknown },
          {
            label: t('disks.detail.instance.id'),
            value: <CopyableId id={disk.InstanceId} href={instancePageHref(disk.RegionId, disk.InstanceId)} />,
          },
          {
            label: t('disks.detail.instance.status'),
            value: instance ? <InstanceStatusIndicator status={instance.Status} /> : unknown,
          },
          { label: t('disks.detail.instance.device'), value: disk.Device || '-' },
          { label: t('disks.detail.instance.attachedTime'), value: formatDateTime(disk.AttachedTime, locale) },
        ]}
      />
    </Container>
  );
}
