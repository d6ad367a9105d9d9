/** Requests per second of `send`, run `requests` times with at most `concurrency` in flight. */
export async function throughput(
  send: () => Promise<unknown>,
  options: { concurrency: number; requests: number },
): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < options.requests) {
      started++;
      await send();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return options.requests / ((performance.now() - begin) / 1000);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Runs each contender in interleaved rounds (A B C, A B C, ...) so that machine noise and drift
 * fall on all of them alike, and returns the median of each.
 */
export async function interleaved<K extends string>(
  contenders: Record<K, () => Promise<number>>,
  rounds: number,
): Promise<Record<K, number>> {
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(contenders) as K[]) samples[key].push(await contenders[key]());
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v as number[])])) as Record<K, number>;
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

export const fmt = {
  rate: (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`,
  ratio: (n: number) => `${n.toFixed(2)}x`,
  ms: (n: number) => `${n.toFixed(2)} ms`,
};
