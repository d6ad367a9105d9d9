// `numeric` orders `web-2` before `web-10` and `10.0.0.9` before `10.0.0.10`, as people expect.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive order for names, IDs and addresses. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
