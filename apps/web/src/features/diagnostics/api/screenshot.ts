import { queryOptions, useQuery } from '@tanstack/react-query';
import { CAPTURED_AT_HEADER } from '@ecs-console/contract';
import { apiFetchBinary, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
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

/** Auto-refresh period; ECS allows a screenshot only every few seconds per instance. */
export const SCREENSHOT_REFRESH_MS = 10_000;

export const screenshotQueryKey = (regionId: string, instanceId: string, wakeUp: boolean) =>
  ['screenshot', regionId, instanceId, wakeUp] as const;

export function screenshotQueryOptions(regionId: string, instanceId: string, wakeUp: boolean, autoRefresh: boolean) {
  return queryOptions({
    queryKey: screenshotQueryKey(regionId, instanceId, wakeUp),
    // Auto-refresh shots are background requests; the first one and Refresh are the user's.
    queryFn: (context) => getScreenshot(regionId, instanceId, wakeUp, queryRequestOptions(context)),
    // A screenshot is taken when asked for: never on window focus, never retried into the throttle.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
    // TanStack Query pauses intervals while the browser tab is hidden (refetchIntervalInBackground is off).
    refetchInterval: autoRefresh ? SCREENSHOT_REFRESH_MS : false,
  });
}

/** `enabled` is false for an instance that is not running: its screenshot would only be an error. */
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
