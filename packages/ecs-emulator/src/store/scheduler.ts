/** A due-time entry: "look at this resource at `at`". */
export interface ScheduledCheck {
  readonly at: number;
  readonly kind: 'instance' | 'disk' | 'snapshot';
  readonly regionId: string;
  readonly id: string;
}

/**
 * A binary min-heap of scheduled checks. The store does not run timers: before each request it
 * pops every check whose time has come, so 20,000 idle instances cost nothing and a sped-up clock
 * needs no timer at all.
 */
export class Scheduler {
  readonly #heap: ScheduledCheck[] = [];

  get size(): number {
    return this.#heap.length;
  }

  push(check: ScheduledCheck): void {
    const heap = this.#heap;
    heap.push(check);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest check if it is due by `now`. */
  popDue(now: number): ScheduledCheck | undefined {
    const heap = this.#heap;
    if (heap.length === 0 || heap[0]!.at > now) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left]!.at < heap[smallest]!.at) smallest = left;
        if (right < heap.length && heap[right]!.at < heap[smallest]!.at) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  }

  clear(): void {
    this.#heap.length = 0;
  }
}
