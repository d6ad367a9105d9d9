import { Semaphore } from 'async-mutex';
import type { EcsClient } from '@ecs-console/ecs-client';

type Call = EcsClient['call'];

/**
 * `call` with at most `concurrency` calls in flight, shared by a listing's page fetches and the
 * per-item calls some kinds make (a security group's rules), so a listing never has more than
 * CONSOLE_FLEET_CONCURRENCY calls out, whatever its kind. A waiting page goes before waiting item
 * calls: the items on it can only be asked for once it is in, so a page left at the back of the
 * queue would leave slots idle at the end.
 */
export function limitedCalls(call: Call, concurrency: number): { readonly pages: Call; readonly items: Call } {
  const slots = new Semaphore(concurrency);
  const withPriority = (priority: number) =>
    ((...args: Parameters<Call>) =>
      slots.runExclusive(() => (call as (...params: unknown[]) => Promise<unknown>)(...args), 1, priority)) as Call;
  return { pages: withPriority(1), items: withPriority(0) };
}
