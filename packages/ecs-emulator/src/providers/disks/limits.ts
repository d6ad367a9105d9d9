import type { DiskStatus } from '../../store/types.js';
import type { PageLimits } from '../kit/pagination.js';

// Emulated durations of the disk state machine (DIGEST §6.2).
export const CREATE_MS = 5_000;
export const ATTACH_MS = 5_000;
export const DETACH_MS = 10_000;
export const REINIT_MS = 20_000;

/** An instance takes at most 16 data disks. */
export const MAX_DATA_DISKS = 16;

/** ECS shows this ExpiredTime on pay-as-you-go resources. */
export const POSTPAID_EXPIRED_TIME = '2999-09-08T16:00Z';

export const DISK_PAGES: PageLimits = {
  defaultPageSize: 10,
  maxPageSize: 100,
  tokens: { defaultMax: 10, minMax: 10, maxMax: 500 },
};

/** Categories CreateDisk can make (SDK). */
export const CREATABLE_CATEGORIES = [
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
] as const;

/** Every category DescribeDisks knows (DIGEST §6.2), including local disks. */
export const ALL_CATEGORIES = [
  ...CREATABLE_CATEGORIES,
  'local_ssd_pro',
  'local_hdd_pro',
  'ephemeral',
  'ephemeral_ssd',
] as const;

export const PERFORMANCE_LEVELS = ['PL0', 'PL1', 'PL2', 'PL3'] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

export const DISK_STATUSES: readonly DiskStatus[] = [
  'In_use',
  'Available',
  'Attaching',
  'Detaching',
  'Creating',
  'ReIniting',
];

/** Categories that can grow without a restart (SDK ResizeDisk). */
export const ONLINE_RESIZE_CATEGORIES = new Set([
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
]);
