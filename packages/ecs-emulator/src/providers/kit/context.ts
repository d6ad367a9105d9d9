import type { Clock } from '../../clock.js';
import { invalidRegion, missingParameter } from '../../protocol/errors.js';
import type { Store } from '../../store/store.js';
import type { RegionState } from '../../store/types.js';
import type { RequestParams } from './params.js';

/** What a provider's action handler is given for one request. */
export interface ActionContext {
  readonly action: string;
  readonly params: RequestParams;
  readonly store: Store;
  readonly clock: Clock;
  /** Emulated time at the start of the request (transitions up to it are already applied). */
  readonly now: number;
  readonly requestId: string;
  readonly accessKeyId: string;
  /** The emulator's own URL as the client reached it (`http://127.0.0.1:9100`), e.g. for VNC URLs. */
  readonly baseUrl: string;
  /** Image format of GetInstanceScreenshot: JPEG as ECS answers by default, or PNG. */
  readonly screenshotFormat: 'jpeg' | 'png';
  /** Where DescribeInstanceVncUrl's addresses point (`wss://hz01-vncproxy.aliyun.com`); default the emulator's own ws:// address. */
  readonly vncPublicUrl: string | undefined;
}

/**
 * Handles one action: returns the response body without RequestId (the server adds it), or throws
 * an `EcsApiError`. Lists are returned in ECS's wrapped shape (`{ Instances: { Instance: [...] } }`).
 */
export type ActionHandler = (context: ActionContext) => Record<string, unknown>;

/** The region named by the required RegionId parameter. */
export function requireRegion(context: ActionContext): RegionState {
  const regionId = context.params.string('RegionId');
  if (regionId === undefined) throw missingParameter('RegionId');
  const region = context.store.region(regionId);
  if (!region) throw invalidRegion(regionId);
  return region;
}

/**
 * The region of a resource an action names without a RegionId (StartInstance, DeleteDisk, ...).
 * A RegionId that is sent must exist; the resource is then looked up by ID across regions, as
 * resource IDs are unique. Undefined when no region holds it.
 */
export function regionOfResource(context: ActionContext, id: string): RegionState | undefined {
  const regionId = context.params.string('RegionId');
  if (regionId !== undefined && !context.store.region(regionId)) throw invalidRegion(regionId);
  return context.store.regionOf(id);
}
