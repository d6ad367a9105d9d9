import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetchBinary } from '@/lib/api-client';
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
  signal?: AbortSignal,
): Promise<Screenshot> {
  const { blob, headers } = await apiFetchBinary(
    `${instancePath(regionId, instanceId)}/screenshot?wakeUp=${String(wakeUp)}`,
    { signal },
  );
  return {
    image: blob,
    contentType: headers.get('content-type') ?? blob.type,
    capturedAt: headers.get('x-captured-at') ?? new Date().toISOString(),
  };
}

/** Auto-refresh period; ECS allows a screenshot only every few seconds per instance. */
export const SCREENSHOT_REFRESH_MS = 10_000;

export function screenshotQueryOptions(regionId: string, instanceId: string, wakeUp: boolean, autoRefresh: boolean) {
  return queryOptions({
    queryKey: ['screenshot', regionId, instanceId, wakeUp],
    queryFn: ({ signal }) => getScreenshot(regionId, instanceId, wakeUp, signal),
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
