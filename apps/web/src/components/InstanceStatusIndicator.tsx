import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';

const STATUS_TYPES = {
  Running: 'success',
  Stopped: 'stopped',
  Pending: 'in-progress',
  Starting: 'in-progress',
  Stopping: 'in-progress',
} as const satisfies Record<string, StatusIndicatorProps.Type>;

type KnownStatus = keyof typeof STATUS_TYPES;

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(STATUS_TYPES, status);
}

/** Colour and icon for an ECS instance status; a status ECS adds later shows neutrally. */
export function instanceStatusType(status: string): StatusIndicatorProps.Type {
  return isKnownStatus(status) ? STATUS_TYPES[status] : 'info';
}

/** An ECS instance status with the console's colour and icon, in the user's language. */
export function InstanceStatusIndicator({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  return (
    <StatusIndicator type={instanceStatusType(status)}>
      {isKnownStatus(status) ? t(`instanceStatus.${status}`) : status}
    </StatusIndicator>
  );
}
