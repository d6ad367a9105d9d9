import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { DiskStatus } from '@ecs-console/ecs-client';
import { useTranslation } from 'react-i18next';

const STATUS_TYPES: Readonly<Record<DiskStatus, StatusIndicatorProps.Type>> = {
  In_use: 'success',
  Available: 'info',
  Attaching: 'in-progress',
  Detaching: 'in-progress',
  Creating: 'in-progress',
  ReIniting: 'in-progress',
};

/** A disk's status with the console's colour and icon; a status ECS adds later shows neutrally. */
export function DiskStatusIndicator({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  const known = Object.hasOwn(STATUS_TYPES, status) ? (status as DiskStatus) : undefined;
  return (
    <StatusIndicator type={known ? STATUS_TYPES[known] : 'info'}>
      {known ? t(`diskStatus.${known}`) : status}
    </StatusIndicator>
  );
}
