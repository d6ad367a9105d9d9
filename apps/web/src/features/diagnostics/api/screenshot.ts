import { queryOptions, useQuery } from '@tanstack/react-query';
import { CAPTURED_AT_HEADER } from '@ecs-console/contract';
import { apiFetchBinary, isApiError, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import { cooldownKey, SCREENSHOT_MIN_INTERVAL_MS, screenshotCooldowns } from '../logic/screenshot-limit';
import { instancePath } from './instance-path';

export interface Screenshot {
  readonly image: Blob;
  /** `image/png` or `image/jpeg`, as the BFF detected it. */
  readonly contentType: string;
  /** When the BFF received the image (its `X-Captured-At`), ISO 8601. */
  readonly capturedAt: string;
}

export async function getScreenshot(
  regionId: string,
  instanceId: string,
  wakeUp: boolean,
  options: RequestOptions = {},
): Promise<Screenshot> {
  const { blob, headers } = await apiFetchBinary(
    `${instancePath(regionId, instanceId)}/screenshot?wakeUp=${String(wakeUp)}`,
    options,
  );
  return {
    image: blob,
    contentType: headers.get('content-type') ?? blob.type,
    capturedAt: headers.get(CAPTURED_AT_HEADER) ?? new Date().toISOString(),
  };
}

/** Auto-refresh period: as often as ECS allows. */
export const SCREENSHOT_REFRESH_MS = SCREENSHOT_MIN_INTERVAL_MS;

const isThrottled = (error: unknown) => isApiError(error) && (error.status === 429 || error.code === 'Throttling');

/** Takes a screenshot and starts the instance's wait for the next one, also when ECS said "too soon". */
async function takeScreenshot(
  regionId: string,
  instanceId: string,
  wakeUp: boolean,
  options: RequestOptions,
): Promise<Screenshot> {
  const key = cooldownKey(regionId, instanceId);
  try {
    const screenshot = await getScreenshot(regionId, instanceId, wakeUp, options);
    screenshotCooldowns.note(key, Date.now());
    return screenshot;
  } catch (error) {
    if (isThrottled(error)) screenshotCooldowns.note(key, Date.now());
    throw error;
  }
}

export const screenshotQueryKey = (regionId: string, instanceId: string, wakeUp: boolean) =>
  ['screenshot', regionId, instanceId, wakeUp] as const;

export function screenshotQueryOptions(regionId: string, instanceId: string, wakeUp: boolean, autoRefresh: boolean) {
  return queryOptions({
    queryKey: screenshotQueryKey(regionId, instanceId, wakeUp),
    // Auto-refresh shots are background requests; the first one and Refresh are the user's.
    queryFn: (context) => takeScreenshot(regionId, instanceId, wakeUp, queryRequestOptions(context)),
    // A screenshot is taken when asked for: never on window focus, never retried into the throttle.
    staleTime: Infinity,
    // Kept as long as no new one may be taken, so reopening the tab shows it instead of a refusal.
    gcTime: SCREENSHOT_MIN_INTERVAL_MS,
    refetchOnWindowFocus: false,
    retry: false,
    // TanStack Query pauses intervals while the browser tab is hidden (refetchIntervalInBackground is off).
    refetchInterval: autoRefresh ? SCREENSHOT_REFRESH_MS : false,
  });
}

/**
 * `enabled` is false for an instance that is not running (its screenshot would only be an error) and
 * while the instance's wait runs (ECS would refuse it).
 */
export function useScreenshot(
  regionId: string,
  instanceId: string,
  options: { readonly wakeUp: boolean; readonly autoRefresh: boolean; readonly enabled: boolean },
) {
  return useQuery({
    ...screenshotQueryOptions(regionId, instanceId, options.wakeUp, options.autoRefresh),
    enabled: options.enabled,
  });
}
