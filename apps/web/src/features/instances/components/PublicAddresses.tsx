import Badge from '@cloudscape-design/components/badge';
import { useTranslation } from 'react-i18next';
import type { InstanceSummary } from '@ecs-console/contract';
import styles from './instance-table-header.module.css';

/**
 * The instance's public addresses: those ECS assigned, then its Elastic IP marked "EIP" (the
 * allocation ID is the badge's tooltip), so the two never run together.
 */
export function PublicAddresses({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const assigned = instance.PublicIpAddress?.IpAddress ?? [];
  const eip = instance.EipAddress?.IpAddress ? instance.EipAddress : undefined;
  if (assigned.length === 0 && !eip) return '-';
  return (
    <span className={styles['inline-group-tight']}>
      {assigned.length > 0 && <span>{assigned.join(', ')}</span>}
      {eip && (
        <span>
          {eip.IpAddress}{' '}
          <span title={t('instances.eip.title', { allocationId: eip.AllocationId ?? '' })}>
            <Badge>{t('instances.eip.badge')}</Badge>
          </span>
        </span>
      )}
    </span>
  );
}
