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

export const DISK_STATUSES: readonly DiskStatus[] = [
  'In_use',
  'Available',
  'Attaching',
  'Detaching',
  'Creating',
  'ReIniting',
];
