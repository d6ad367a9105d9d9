import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { SnapshotStatus } from '@ecs-console/ecs-client';
import { useTranslation } from 'react-i18next';

const STATUS_TYPES = {
  progressing: 'in-progress',
  accomplished: 'success',
  failed: 'error',
} as const satisfies Record<SnapshotStatus, StatusIndicatorProps.Type>;

function isKnownStatus(status: string): status is SnapshotStatus {
  return Object.hasOwn(STATUS_TYPES, status);
}

/** A snapshot's status with the console's colour and icon; a status ECS adds later shows neutrally. */
export function SnapshotStatusIndicator({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  return (
    <StatusIndicator type={isKnownStatus(status) ? STATUS_TYPES[status] : 'info'}>
      {isKnownStatus(status) ? t(`snapshots.status.${status}`) : status}
    </StatusIndicator>
  );
}
