import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useReportBatch, type BatchTexts, type ItemResult } from '@/components/action-results';
import { callEcsAction, toApiError } from '@/lib/api-client';
import { useClientToken, useOneAtATime } from '@/lib/client-token';
import { refreshRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';
import type { RuleEcsCall } from '../logic/rule-requests';

/** One call of a rule change and how its result names it ("3 inbound rules of sg-1 (web)"). */
export interface RuleWrite {
  readonly call: RuleEcsCall;
  readonly label: string;
}

/** Sends one call with its ClientToken; a refusal is a result to show, not an exception. */
export async function runRuleCall(call: RuleEcsCall, clientToken: string): Promise<ItemResult> {
  const base = { id: call.action, label: '' };
  try {
    const answer = await callEcsAction(call.action, { ...call.params, ClientToken: clientToken });
    return { ...base, ok: true, requestId: answer.RequestId };
  } catch (error) {
    return { ...base, ok: false, error: toApiError(error) };
  }
}

export interface RuleWriteState {
  /** Sends the writes, once: a second submit while one is in flight (a double click) is ignored. */
  readonly submit: (writes: readonly RuleWrite[]) => void;
  readonly pending: boolean;
  /** ECS's refusal, when every call was refused while the dialog was open (the dialog shows it). */
  readonly refusal: unknown;
}

/**
 * Sends a dialog's rule change and reports it as the console reports every action: a message that
 * stays in view with ECS's RequestId, or its code, message and RequestId. A refusal while the dialog
 * is open is shown in the dialog instead, so the rows can be fixed and sent again; the same request
 * sent again (a retry, a double click) carries the same ClientTokens, so ECS acts once. Accepted or
 * not, the group is read again (`onAccepted` closes the dialog).
 */
export function useRuleWrite(
  regionId: string,
  groupId: string,
  texts: BatchTexts,
  onAccepted: () => void,
): RuleWriteState {
  const queryClient = useQueryClient();
  const reporter = useReportBatch();
  const oneAtATime = useOneAtATime();
  const clientToken = useClientToken();
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  const mutation = useMutation({
    mutationFn: async ({ writes, token }: { writes: readonly RuleWrite[]; token: string }) => {
      const results: ItemResult[] = [];
      // In turn, each call with a token of its own derived from the request's.
      for (const [index, write] of writes.entries()) {
        const result = await runRuleCall(write.call, writes.length === 1 ? token : `${token}-${index}`);
        results.push({ ...result, label: write.label });
      }
      return results;
    },
    // On the mutation, not the dialog: results are reported even once the dialog has closed.
    onSuccess: (results) => {
      const refused = results.every((result) => !result.ok);
      if (refused && open.current) {
        oneAtATime.settled();
        return;
      }
      reporter.report(texts, results);
      if (open.current) onAccepted();
    },
    onSettled: () => refreshRegionListItems(queryClient, SECURITY_GROUP_LIST, regionId, [groupId]),
  });

  const submit = useCallback(
    (writes: readonly RuleWrite[]) => {
      if (writes.length === 0 || !oneAtATime.start()) return;
      mutation.mutate({ writes, token: clientToken(writes.map((write) => write.call)) });
    },
    [mutation, oneAtATime, clientToken],
  );

  const results = mutation.data;
  const refusal =
    results && results.every((result) => !result.ok) ? results.find((result) => !result.ok)?.error : undefined;
  return { submit, pending: mutation.isPending, refusal };
}
