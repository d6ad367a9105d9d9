import { setMaxListeners } from 'node:events';
import {
  ecsActions,
  type ActionItem,
  type ActionRequest,
  type ActionResponse,
  type PaginatedActionName,
  type PaginationSpec,
} from '../actions/index.js';
import type { CallOptions, EcsClient } from '../client.js';

/** The request of a paginated action without its paging fields, which the paginator owns. */
export type UnpagedRequest<A extends PaginatedActionName> = Omit<
  ActionRequest<A>,
  'PageNumber' | 'PageSize' | 'NextToken' | 'MaxResults'
>;

export interface PaginateOptions extends CallOptions {
  /** Items per page; defaults to the action's maximum (fewer round trips). */
  readonly pageSize?: number;
  /**
   * `nextToken` (default where the action supports it; ECS marks PageNumber as "to be deprecated")
   * or `pageNumber`.
   */
  readonly mode?: 'nextToken' | 'pageNumber';
}

export interface ListAllOptions extends CallOptions {
  readonly pageSize?: number;
  /** Pages fetched at once after the first. Default 16. */
  readonly concurrency?: number;
}

interface PagedBody {
  readonly TotalCount?: number;
  readonly NextToken?: string;
}

export function paginationSpec(action: PaginatedActionName): PaginationSpec<unknown> {
  return ecsActions[action].pagination as PaginationSpec<unknown>;
}

function callPage(
  client: Pick<EcsClient, 'call'>,
  action: string,
  params: object,
  options: CallOptions,
): Promise<unknown> {
  return client.call(action, params as Record<string, unknown>, options);
}

function pageSizeFor(spec: PaginationSpec<unknown>, requested: number | undefined): number {
  if (requested === undefined) return spec.maxPageSize;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`pageSize must be a positive integer`);
  return Math.min(requested, spec.maxPageSize);
}

/** Walks every page of a list action, yielding each response in order. */
export async function* paginate<A extends PaginatedActionName>(
  client: Pick<EcsClient, 'call'>,
  action: A,
  params: UnpagedRequest<A>,
  options: PaginateOptions = {},
): AsyncGenerator<ActionResponse<A>, void, undefined> {
  const spec = paginationSpec(action);
  const pageSize = pageSizeFor(spec, options.pageSize);
  const { mode = spec.nextToken ? 'nextToken' : 'pageNumber', ...callOptions } = options;
  if (mode === 'nextToken' && !spec.nextToken) throw new TypeError(`${action} does not support NextToken paging`);
  if (mode === 'pageNumber' && !spec.pageNumber) throw new TypeError(`${action} does not support PageNumber paging`);

  if (mode === 'nextToken') {
    let nextToken: string | undefined;
    do {
      const page = (await callPage(
        client,
        action,
        {
          ...params,
          ...(spec.fixedPageSize ? {} : { MaxResults: pageSize }),
          ...(nextToken ? { NextToken: nextToken } : {}),
        },
        callOptions,
      )) as ActionResponse<A> & PagedBody;
      yield page;
      nextToken = page.NextToken || undefined;
    } while (nextToken);
    return;
  }

  let seen = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = (await callPage(
      client,
      action,
      { ...params, PageNumber: pageNumber, PageSize: pageSize },
      callOptions,
    )) as ActionResponse<A> & PagedBody;
    yield page;
    const count = spec.items(page).length;
    seen += count;
    if (count < pageSize || count === 0 || (page.TotalCount !== undefined && seen >= page.TotalCount)) return;
  }
}

/** Walks every page of a list action, yielding the items one by one. */
export async function* paginateItems<A extends PaginatedActionName>(
  client: Pick<EcsClient, 'call'>,
  action: A,
  params: UnpagedRequest<A>,
  options: PaginateOptions = {},
): AsyncGenerator<ActionItem<A>, void, undefined> {
  const spec = paginationSpec(action);
  for await (const page of paginate(client, action, params, options)) {
    yield* spec.items(page) as ActionItem<A>[];
  }
}

/**
 * Every page of a list action, each turned into `mapPage(page)` as it arrives (while later pages
 * are still on the wire), in ECS's order. Where the action pages by number and answers TotalCount,
 * the first page says how many pages there are and the rest are fetched concurrently (at most
 * `concurrency` at once); otherwise pages are followed one after another by NextToken. The first
 * failure aborts the pages still in flight and is thrown.
 */
export async function listPages<A extends PaginatedActionName, T>(
  client: Pick<EcsClient, 'call'>,
  action: A,
  params: UnpagedRequest<A>,
  mapPage: (page: ActionResponse<A>) => T,
  options: ListAllOptions = {},
): Promise<T[]> {
  const spec = paginationSpec(action);
  const { concurrency = 16, pageSize: requestedSize, ...callOptions } = options;
  if (!spec.pageNumber) {
    const mapped: T[] = [];
    for await (const page of paginate(client, action, params, { ...callOptions, pageSize: requestedSize }))
      mapped.push(mapPage(page));
    return mapped;
  }

  const pageSize = pageSizeFor(spec, requestedSize);
  const fetchPage = async (pageNumber: number, signal: AbortSignal | undefined) =>
    (await callPage(
      client,
      action,
      { ...params, PageNumber: pageNumber, PageSize: pageSize },
      { ...callOptions, ...(signal ? { signal } : {}) },
    )) as ActionResponse<A> & PagedBody;

  const first = await fetchPage(1, callOptions.signal);
  const firstCount = spec.items(first).length;
  const total = first.TotalCount ?? firstCount;
  const pageCount = Math.ceil(total / pageSize);
  const pages: T[] = [mapPage(first)];
  if (pageCount <= 1 || firstCount < pageSize) return pages;

  const controller = new AbortController();
  const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, controller.signal]) : controller.signal;
  // Every page in flight listens for the abort; that is expected, not a leak.
  setMaxListeners(2 * concurrency + 8, signal);
  let nextPage = 2;
  const worker = async (): Promise<void> => {
    while (nextPage <= pageCount && !signal.aborted) {
      const pageNumber = nextPage++;
      pages[pageNumber - 1] = mapPage(await fetchPage(pageNumber, signal));
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, pageCount - 1)) }, () =>
    worker().catch((error: unknown) => {
      controller.abort();
      throw error;
    }),
  );
  const results = await Promise.allSettled(workers);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  // Report the first real failure, not the aborts it caused in the other workers.
  if (failure) throw firstRootCause(results) ?? failure.reason;
  return pages;
}

/** Every item of a list action, in ECS's order, fetched as `listPages` fetches pages. */
export async function listAll<A extends PaginatedActionName>(
  client: Pick<EcsClient, 'call'>,
  action: A,
  params: UnpagedRequest<A>,
  options: ListAllOptions = {},
): Promise<ActionItem<A>[]> {
  const spec = paginationSpec(action);
  const pages = await listPages(client, action, params, (page) => spec.items(page) as ActionItem<A>[], options);
  return pages.flat();
}

function firstRootCause(results: PromiseSettledResult<void>[]): unknown {
  for (const result of results) {
    if (result.status === 'rejected') {
      const reason = result.reason as { kind?: unknown };
      if (reason.kind !== 'aborted') return result.reason;
    }
  }
  return undefined;
}
