/** How many items are in each of a list's statuses, zero included; a status ECS adds later is not counted. */
export function countByStatus<S extends string>(
  items: readonly { readonly Status: string }[],
  statuses: readonly S[],
): Record<S, number> {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<S, number>;
  for (const { Status } of items) {
    if (Object.hasOwn(counts, Status)) counts[Status as S] += 1;
  }
  return counts;
}
