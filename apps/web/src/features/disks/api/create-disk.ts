import type { DiskSummary } from '@ecs-console/contract';
import { callEcsAction } from '@/lib/api-client';
import { byIdItems, DISK_LIST, getRegionListItems } from '@/lib/region-list';
import type { CreateDiskParams } from '../logic/create-disk';

export interface EcsResult<T> {
  readonly value: T;
  readonly requestId: string;
}

export async function createDisk(params: CreateDiskParams): Promise<EcsResult<string>> {
  const answer = await callEcsAction('CreateDisk', params);
  return { value: answer.DiskId, requestId: answer.RequestId };
}

export async function attachDisk(
  regionId: string,
  diskId: string,
  instanceId: string,
  deleteWithInstance: boolean,
): Promise<EcsResult<undefined>> {
  const answer = await callEcsAction('AttachDisk', {
    RegionId: regionId,
    DiskId: diskId,
    InstanceId: instanceId,
    ...(deleteWithInstance ? { DeleteWithInstance: true } : {}),
  });
  return { value: undefined, requestId: answer.RequestId };
}

/** Pauses between looks at a new disk: soon at first (ECS takes seconds), then less often. */
const POLL_DELAYS_MS = [1_000, 2_000, 3_000, 5_000];
/** Longest wait for a new disk to become Available before the console gives up on attaching it. */
export const AVAILABLE_TIMEOUT_MS = 5 * 60_000;
/** Right after CreateDisk, DescribeDisks may not list the disk yet (ECS is eventually consistent). */
const UNLISTED_POLLS_ALLOWED = 5;

export type DiskWait =
  | { readonly outcome: 'available'; readonly disk: DiskSummary }
  | { readonly outcome: 'gone' }
  | { readonly outcome: 'stuck'; readonly status: string };

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls a new disk by ID (the disk list's `?ids=`, in the background) until it is Available; it is
 * `stuck` when it stays Creating past the timeout or moves to another state, `gone` when it is not
 * listed. A failed request throws its ApiError.
 */
export async function waitForDiskAvailable(
  regionId: string,
  diskId: string,
  { timeoutMs = AVAILABLE_TIMEOUT_MS, sleep = sleepFor, now = Date.now }: WaitOptions = {},
): Promise<DiskWait> {
  const started = now();
  for (let poll = 0; ; poll++) {
    const answer = await getRegionListItems(DISK_LIST, regionId, [diskId], { background: true });
    const disk = byIdItems(DISK_LIST, answer).find((item) => item.DiskId === diskId);
    if (disk?.Status === 'Available') return { outcome: 'available', disk };
    if (!disk && poll >= UNLISTED_POLLS_ALLOWED) return { outcome: 'gone' };
    if (disk && disk.Status !== 'Creating') return { outcome: 'stuck', status: disk.Status };
    if (now() - started >= timeoutMs) return { outcome: 'stuck', status: disk?.Status ?? 'Creating' };
    await sleep(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]!);
  }
}
