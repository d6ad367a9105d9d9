import type { InstanceStatus } from '../../store/types.js';
import type { PageLimits } from '../kit/pagination.js';

// Emulated durations of the power transitions.
export const START_MS = 15_000;
export const STOP_MS = 10_000;
export const FORCE_STOP_MS = 3_000;

/** Monitoring data reaches back 30 days; older running periods are forgotten. */
export const RUNNING_HISTORY_MS = 30 * 86_400_000;

/** What ECS shows as the expiry of a pay-as-you-go instance. */
export const POSTPAID_EXPIRED_TIME = '2099-12-31T15:59Z';

export const STATUSES: readonly InstanceStatus[] = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped'];
export const LOCK_REASONS = ['financial', 'security', 'Recycling', 'dedicatedhostfinancial', 'refunded'] as const;
export const FILTER_KEYS = ['CreationStartTime', 'CreationEndTime', 'ExpiredStartTime', 'ExpiredEndTime'] as const;
export const BURSTABLE_FAMILIES = ['ecs.t5', 'ecs.t6'];
export const MAX_SECURITY_GROUPS_PER_INSTANCE = 5;
/** ECS limits user data to 32 KB before Base64 encoding (SDK; older documents said 16 KB). */
export const MAX_USER_DATA_BYTES = 32 * 1024;

export const DESCRIBE_INSTANCES_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 10, maxMax: 100 },
};
export const DESCRIBE_INSTANCE_STATUS_PAGES: PageLimits = { defaultPageSize: 10, maxPageSize: 50 };
