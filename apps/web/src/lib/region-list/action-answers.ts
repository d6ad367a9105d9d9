import type { RegionListAnswer, RegionListByIdAnswer } from '@ecs-console/contract';
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { RegionListKind } from './kinds';
import { mergeRegionListItems } from './merge';

/**
 * What the console learnt by ID right after its own actions, kept until a list fetch that began
 * later has landed. A fetch already in flight when such an answer arrives started from an older
 * list (a poll folds into the list it read) or may have read the region before the action (a whole
 * listing): when it lands it would replace the list without the snapshot just taken or with the
 * disk still Available, for up to the 30 s until the next whole refresh. So every list fetch folds
 * in the answers that arrived after it began, and forgets those that arrived before (the list it
 * started from had them).
 */

interface ActionAnswer {
  /** When it arrived, in `nextOrder()` order. */
  readonly order: number;
  readonly partials: readonly RegionListByIdAnswer<string, unknown>[];
}

/** More would only follow a burst of actions within one fetch; the oldest go first. */
const KEPT_PER_LIST = 50;

let lastOrder = 0;

/** Orders the starts of list fetches and the arrivals of action answers. */
export function nextOrder(): number {
  lastOrder += 1;
  return lastOrder;
}

const answersByClient = new WeakMap<QueryClient, Map<string, ActionAnswer[]>>();

function answersOf(client: QueryClient, queryKey: QueryKey): ActionAnswer[] {
  let lists = answersByClient.get(client);
  if (!lists) {
    lists = new Map();
    answersByClient.set(client, lists);
  }
  const key = hashKey(queryKey);
  let answers = lists.get(key);
  if (!answers) {
    answers = [];
    lists.set(key, answers);
  }
  return answers;
}

export function rememberActionAnswer<K extends string, T>(
  client: QueryClient,
  queryKey: QueryKey,
  partials: readonly RegionListByIdAnswer<K, T>[],
): void {
  const answers = answersOf(client, queryKey);
  answers.push({ order: nextOrder(), partials });
  if (answers.length > KEPT_PER_LIST) answers.splice(0, answers.length - KEPT_PER_LIST);
}

/** `answer`, from a fetch begun at `fetchOrder`, with the action answers that arrived since folded in. */
export function withActionAnswersSince<K extends string, T>(
  client: QueryClient,
  kind: RegionListKind<K, T>,
  queryKey: QueryKey,
  fetchOrder: number,
  answer: RegionListAnswer<K, T>,
): RegionListAnswer<K, T> {
  const answers = answersOf(client, queryKey);
  const later = answers.filter((entry) => entry.order > fetchOrder);
  answers.splice(0, answers.length, ...later);
  // In the order they arrived, so a later answer (the snapshot deleted) wins over an earlier one.
  return later.reduce(
    (list, entry) => mergeRegionListItems(kind, list, entry.partials as readonly RegionListByIdAnswer<K, T>[]),
    answer,
  );
}
