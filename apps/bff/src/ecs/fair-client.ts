import {
  EcsClient,
  type ActionRequest,
  type ActionResponse,
  type CallOptions,
  type EcsActionName,
  type EcsClientOptions,
} from '@ecs-console/ecs-client';
import { FairScheduler } from './fair-scheduler.js';
import { currentEcsTenant } from './tenant.js';

/** EcsClient's own call signature (not exported by the client). */
type RequestArgs<A extends EcsActionName> =
  Record<string, never> extends ActionRequest<A>
    ? [params?: ActionRequest<A>, options?: CallOptions]
    : [params: ActionRequest<A>, options?: CallOptions];

/**
 * The ECS client every route uses: the AccessKey's rate is shared, so at most `concurrency` calls
 * are in flight per BFF process and waiting calls are served round robin per tenant (the signed-in
 * user, or a region's shared listing). A call holds its slot through its retries' backoff, which
 * slows the whole console down when ECS throttles, as it should.
 */
export class FairEcsClient extends EcsClient {
  readonly scheduler: FairScheduler;

  constructor(options: EcsClientOptions & { readonly concurrency: number }) {
    super(options);
    this.scheduler = new FairScheduler(options.concurrency);
  }

  override call<A extends EcsActionName>(action: A, ...args: RequestArgs<A>): Promise<ActionResponse<A>>;
  override call(
    action: string,
    params?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<Record<string, unknown>>;
  override call(action: string, params?: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.scheduler.run(currentEcsTenant(), () => super.call(action, params, options));
  }
}
