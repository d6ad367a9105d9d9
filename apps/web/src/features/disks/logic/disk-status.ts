import type { DiskStatus } from '@ecs-console/ecs-client';

/** Every status ECS reports for a disk, in the order the list counts and offers them. */
export const DISK_STATUSES = [
  'In_use',
  'Available',
  'Creating',
  'Attaching',
  'Detaching',
  'ReIniting',
] as const satisfies readonly DiskStatus[];
