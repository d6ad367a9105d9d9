import { createRequire } from 'node:module';

// The official Alibaba Cloud SDKs are CommonJS; they are test dependencies only, used to prove
// that clients nobody here wrote work against the emulator unchanged.
const require = createRequire(import.meta.url);

/** A wire-level call: parameters in ECS's own names, the parsed JSON body back. */
export type WireCall = (
  action: string,
  params: Record<string, string | number | boolean>,
) => Promise<Record<string, unknown>>;

interface PopCoreClient {
  request(
    action: string,
    params: Record<string, unknown>,
    opts?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/** `@alicloud/pop-core` (Signature V2, GET by default), as its README shows it. */
export function popCoreCaller(endpoint: string, accessKeyId: string, accessKeySecret: string): WireCall {
  const PopCore = require('@alicloud/pop-core') as new (config: Record<string, unknown>) => PopCoreClient;
  const client = new PopCore({ accessKeyId, accessKeySecret, endpoint, apiVersion: '2014-05-26' });
  return (action, params) => client.request(action, params, { method: 'POST' });
}

interface SdkModel {
  toMap(): Record<string, unknown>;
}
type SdkModelClass = (new (init?: Record<string, unknown>) => SdkModel) & { names(): Record<string, string> };
type SdkClient = Record<string, (request: SdkModel) => Promise<{ body: SdkModel }>>;

/**
 * The official `@alicloud/ecs20140526` SDK (Signature V3 through `@alicloud/openapi-core`), calling
 * its generated method for the action with its generated request model.
 */
export function officialSdkCaller(endpoint: string, accessKeyId: string, accessKeySecret: string): WireCall {
  const sdk = require('@alicloud/ecs20140526') as Record<string, unknown> & {
    default: new (config: unknown) => SdkClient;
  };
  const { $OpenApiUtil } = require('@alicloud/openapi-core') as {
    $OpenApiUtil: { Config: new (init: Record<string, unknown>) => unknown };
  };
  const url = new URL(endpoint);
  const client = new sdk.default(
    new $OpenApiUtil.Config({
      accessKeyId,
      accessKeySecret,
      endpoint: url.host,
      protocol: 'HTTP',
      regionId: 'cn-hangzhou',
    }),
  );
  return async (action, params) => {
    const Model = sdk[`${action}Request`] as SdkModelClass;
    const byWireName = Object.fromEntries(Object.entries(Model.names()).map(([property, wire]) => [wire, property]));
    const init: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(params)) {
      const property = byWireName[name];
      if (!property) throw new Error(`the SDK's ${action}Request has no ${name}`);
      init[property] = value;
    }
    const method = client[action.charAt(0).toLowerCase() + action.slice(1)]!;
    const response = await method.call(client, new Model(init));
    return response.body.toMap();
  };
}
