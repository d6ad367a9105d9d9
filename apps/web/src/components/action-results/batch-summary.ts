import type { BffErrorCode } from '@ecs-console/contract';
import type { ApiError } from '@/lib/api-client';

/** What happened to one item of a batch: accepted (with ECS's RequestId) or refused. */
export type ItemResult =
  | { readonly id: string; readonly label: string; readonly ok: true; readonly requestId: string }
  | { readonly id: string; readonly label: string; readonly ok: false; readonly error: ApiError };

const OUTCOME_UNKNOWN: BffErrorCode = 'OutcomeUnknown';

/** The request reached ECS but its answer was lost (504 `OutcomeUnknown`): it may have been applied. */
export function isOutcomeUnknown(result: ItemResult): boolean {
  return !result.ok && result.error.code === OUTCOME_UNKNOWN;
}

export interface BatchSummary {
  readonly succeeded: number;
  readonly failed: number;
  readonly unknown: number;
  /** Error codes of the failures, most frequent first (ties in order of first appearance). */
  readonly failureCodes: readonly string[];
  /** Any failure is an error; otherwise an unknown outcome is a warning; otherwise a success. */
  readonly type: 'success' | 'error' | 'warning';
  /** Failures first, then unknown outcomes, then successes, each in the batch's order. */
  readonly ordered: readonly ItemResult[];
}

function rank(result: ItemResult): number {
  if (result.ok) return 2;
  return isOutcomeUnknown(result) ? 1 : 0;
}

export function summarizeBatch(results: readonly ItemResult[]): BatchSummary {
  const codeCounts = new Map<string, number>();
  let succeeded = 0;
  let unknown = 0;
  for (const result of results) {
    if (result.ok) succeeded++;
    else if (isOutcomeUnknown(result)) unknown++;
    else codeCounts.set(result.error.code, (codeCounts.get(result.error.code) ?? 0) + 1);
  }
  const failed = results.length - succeeded - unknown;
  const failureCodes = [...codeCounts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  const type = failed > 0 ? 'error' : unknown > 0 ? 'warning' : 'success';
  const ordered = results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => rank(a.result) - rank(b.result) || a.index - b.index);
  return { succeeded, failed, unknown, failureCodes, type, ordered: ordered.map(({ result }) => result) };
}
