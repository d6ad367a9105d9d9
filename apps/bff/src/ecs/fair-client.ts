import {
  EcsClient,
  type ActionRequest,
  type ActionResponse,
  type CallOptions,
  type EcsActionName,
  type EcsClientOptions,
} from '@ecs-console/ecs-client';
import { FairScheduler } from './fair-scheduler.js';
import { CONSOLE_TENANT } from './tenant.js';

/** EcsClient's own call signature (not exported by the client). */
type RequestArgs<A extends EcsActionName> =
  Record<string, never> extends ActionRequest<A>
    ? [params?: ActionRequest<A>, options?: CallOptions]
    : [params: ActionRequest<A>, options?: CallOptions];

/**
 * The ECS client every route uses: the AccessKey's rate is shared, so at most `concurrency` calls
 * are in flight per BFF process and waiting calls are served round robin per tenant (the signed-in
 * user, or a region's shared listing; `callerFor`). A call holds its slot through its retries'
 * backoff, which slows the whole console down when ECS throttles, as it should.
 */
export class FairEcsClient extends EcsClient {
  readonly scheduler: FairScheduler;

  constructor(options: EcsClientOptions & { readonly concurrency: number }) {
    super(options);
    this.scheduler = new FairScheduler(options.concurrency);
  }

  /** A call on behalf of no one in particular (the console's own). */
  override call<A extends EcsActionName>(action: A, ...args: RequestArgs<A>): Promise<ActionResponse<A>>;
  override call(
    action: string,
    params?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<Record<string, unknown>>;
  override call(action: string, params?: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.callAs(CONSOLE_TENANT, action, params, options);
  }

  callAs(tenant: string, action: string, params?: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.scheduler.run(tenant, () => super.call(action, params, options));
  }
}

/** `client.call` on behalf of `tenant`: shared fairly when the client is a FairEcsClient. */
export function callerFor(client: EcsClient, tenant: string): EcsClient['call'] {
  if (!(client instanceof FairEcsClient)) return client.call.bind(client);
  return ((action: string, params?: Record<string, unknown>, options?: CallOptions) =>
    client.callAs(tenant, action, params, options)) as EcsClient['call'];
}
