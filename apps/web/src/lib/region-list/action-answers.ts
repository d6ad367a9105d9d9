import type { RegionListAnswer, RegionListByIdAnswer } from '@ecs-console/contract';
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { RegionListKind } from './kinds';
import { mergeRegionListItems } from './merge';

/**
 * What the console learnt by ID right after its own actions, kept until a list fetch that began
 * later has landed. A fetch of the list already in flight when the action happened may have read
 * the region before it: when it lands it would replace the list without the snapshot just taken or
 * with the disk still Available, for up to the 30 s until the next whole refresh. So every list
 * fetch folds in the answers asked for after it began, and forgets those asked for before.
 */

interface ActionAnswer {
  /** When it was asked for, in `nextRequestOrder()` order. */
  readonly order: number;
  readonly partials: readonly RegionListByIdAnswer<string, unknown>[];
}

/** More would only follow a burst of actions within one fetch; the oldest go first. */
const KEPT_PER_LIST = 50;

let requestOrder = 0;

/** Orders list fetches and requests by ID by when they were sent. */
export function nextRequestOrder(): number {
  requestOrder += 1;
  return requestOrder;
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
  order: number,
  partials: readonly RegionListByIdAnswer<K, T>[],
): void {
  const answers = answersOf(client, queryKey);
  answers.push({ order, partials });
  if (answers.length > KEPT_PER_LIST) answers.splice(0, answers.length - KEPT_PER_LIST);
}

/**
 * `answer`, from a fetch sent at `fetchOrder`, with the action answers asked for since folded in.
 * Those asked for before it are forgotten: this answer is at least as new.
 */
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
  // In the order they were asked for, so a later answer (the snapshot deleted) wins over an earlier one.
  return later.reduce(
    (list, entry) => mergeRegionListItems(kind, list, entry.partials as readonly RegionListByIdAnswer<K, T>[]),
    answer,
  );
}
