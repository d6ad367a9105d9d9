/**
 * At most `limit` tasks at once; when tasks wait, the next free slot goes to the next tenant in
 * turn (round robin), each tenant's own tasks in order. So a region listing that queues 99 pages
 * delays another user's single call by at most one turn, not by the whole listing.
 * (npm's queues, p-queue and p-limit, are FIFO or priority-ordered, not fair between tenants.)
 */
export class FairScheduler {
  readonly #limit: number;
  #running = 0;
  /** Tenants with waiting tasks, in turn order: a Map keeps insertion order, re-inserting sends a tenant to the back. */
  readonly #waiting = new Map<string, (() => void)[]>();

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    this.#limit = limit;
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.#waiting.values()) count += queue.length;
    return count;
  }

  run<T>(tenant: string, task: () => Promise<T>): Promise<T> {
    if (this.#running < this.#limit && this.#waiting.size === 0) return this.#start(task);
    return new Promise<T>((resolve, reject) => {
      const queue = this.#waiting.get(tenant);
      const start = () => void this.#start(task).then(resolve, reject);
      if (queue) queue.push(start);
      else this.#waiting.set(tenant, [start]);
    });
  }

  async #start<T>(task: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await task();
    } finally {
      this.#running--;
      this.#startWaiting();
    }
  }

  #startWaiting(): void {
    while (this.#running < this.#limit) {
      const next = this.#waiting.entries().next();
      if (next.done) return;
      const [tenant, queue] = next.value;
      const start = queue.shift()!;
      this.#waiting.delete(tenant);
      if (queue.length > 0) this.#waiting.set(tenant, queue);
      start();
    }
  }
}
