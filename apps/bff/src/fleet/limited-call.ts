import { Semaphore } from 'async-mutex';
import type { EcsClient } from '@ecs-console/ecs-client';

/**
 * `call` with at most `concurrency` calls of it in flight. A listing's page fetches and the
 * per-item calls some kinds make (a security group's rules) share this one bound, so a listing
 * never has more than CONSOLE_FLEET_CONCURRENCY calls out, whatever its kind.
 */
export function limitedCall(call: EcsClient['call'], concurrency: number): EcsClient['call'] {
  const slots = new Semaphore(concurrency);
  return ((...args: Parameters<EcsClient['call']>) =>
    slots.runExclusive(() => (call as (...params: unknown[]) => Promise<unknown>)(...args))) as EcsClient['call'];
}
