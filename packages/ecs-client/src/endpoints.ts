/**
 * Where each region's ECS API lives. Every region has `ecs.<region>.aliyuncs.com`; the seed's
 * central endpoint `ecs.aliyuncs.com` serves calls that name no region (and the original China
 * regions, which the seed routes there).
 */
export const CENTRAL_ENDPOINT = 'https://ecs.aliyuncs.com';

/** Regions the 2018 reference sends to the central endpoint rather than a regional one. */
const CENTRAL_REGIONS = new Set(['cn-qingdao', 'cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen']);

export interface EndpointOptions {
  /** One endpoint for every region (a private endpoint or a local emulator). */
  readonly endpoint?: string | undefined;
  /** Per-region overrides, e.g. `{ 'cn-hangzhou': 'https://ecs-vpc.cn-hangzhou.aliyuncs.com' }`. */
  readonly endpoints?: Readonly<Record<string, string>> | undefined;
  /** `https` (default) or `http`, for the generated endpoints. */
  readonly protocol?: 'https' | 'http' | undefined;
}

const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function resolveEndpoint(regionId: string | undefined, options: EndpointOptions = {}): URL {
  if (options.endpoint) return parseEndpoint(options.endpoint);
  const override = regionId === undefined ? undefined : options.endpoints?.[regionId];
  if (override) return parseEndpoint(override);
  const protocol = options.protocol ?? 'https';
  if (regionId === undefined || CENTRAL_REGIONS.has(regionId)) return new URL(`${protocol}://ecs.aliyuncs.com/`);
  if (!REGION_ID.test(regionId)) throw new TypeError(`not a region ID: ${JSON.stringify(regionId)}`);
  return new URL(`${protocol}://ecs.${regionId}.aliyuncs.com/`);
}

function parseEndpoint(endpoint: string): URL {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`endpoint must be http or https: ${endpoint}`);
  }
  return url;
}
