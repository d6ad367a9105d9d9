import type { SnapshotStatus } from '@ecs-console/ecs-client';

/** Every status ECS reports for a snapshot, in the order the console counts and filters them. */
export const SNAPSHOT_STATUSES = ['progressing', 'accomplished', 'failed'] as const satisfies readonly SnapshotStatus[];
