import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { formatDateTime, formatMemoryMiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { lockReasons, osDisplayName } from '../logic/instance-fields';
import type { InstanceSummary } from '@ecs-console/contract';

const orDash = (value: string | undefined) => value || '-';

/** The instance's own attributes: what it is, where, since when and how it is billed. */
export function InstanceOverview({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const locks = lockReasons(instance);

  return (
    <Container header={<Header variant="h2">{t('instanceDetail.summary')}</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: t('instanceDetail.fields.name'), value: orDash(instance.InstanceName) },
          { label: t('instanceDetail.fields.id'), value: <CopyableId id={instance.InstanceId} /> },
          { label: t('instanceDetail.fields.status'), value: <InstanceStatusIndicator status={instance.Status} /> },
          { label: t('instanceDetail.fields.instanceType'), value: instance.InstanceType },
          { label: t('instanceDetail.fields.cpu'), value: t('instanceDetail.vcpus', { count: instance.Cpu }) },
          { label: t('instanceDetail.fields.memory'), value: formatMemoryMiB(instance.Memory, locale) },
          { label: t('instanceDetail.fields.os'), value: orDash(osDisplayName(instance, locale)) },
          { label: t('instanceDetail.fields.image'), value: orDash(instance.ImageId) },
          { label: t('instanceDetail.fields.zone'), value: instance.ZoneId },
          { label: t('instanceDetail.fields.created'), value: formatDateTime(instance.CreationTime, locale) },
          { label: t('instanceDetail.fields.chargeType'), value: t(`chargeType.${instance.InstanceChargeType}`) },
          ...(instance.InstanceChargeType === 'PrePaid'
            ? [{ label: t('instanceDetail.fields.expires'), value: formatDateTime(instance.ExpiredTime, locale) }]
            : []),
          { label: t('instanceDetail.fields.stoppedMode'), value: t(`stoppedMode.${instance.StoppedMode}`) },
          {
            label: t('instanceDetail.fields.deletionProtection'),
            value: instance.DeletionProtection ? t('common.enabled') : t('common.disabled'),
          },
          {
            label: t('instanceDetail.fields.locks'),
            // ECS's codes (`financial`) read as what they mean; an unknown one is shown as ECS sends it.
            value:
              locks.length > 0
                ? locks.map((reason) => t(`instanceDetail.lockReason.${reason}`, { defaultValue: reason })).join(', ')
                : t('instanceDetail.noLocks'),
          },
          { label: t('instanceDetail.fields.hostName'), value: orDash(instance.HostName) },
          { label: t('instanceDetail.fields.keyPair'), value: orDash(instance.KeyPairName) },
          { label: t('instanceDetail.fields.description'), value: orDash(instance.Description) },
        ]}
      />
    </Container>
  );
}
