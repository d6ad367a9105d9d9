import { invalidParameter } from '../../protocol/errors.js';
import { RequestParams } from './params.js';

export interface PageLimits {
  /** PageSize default and maximum (PageNumber mode). */
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** MaxResults default, floor and maximum (NextToken mode); absent when the action has no tokens. */
  readonly tokens?: { readonly defaultMax: number; readonly minMax: number; readonly maxMax: number };
}

export interface Page<T> {
  readonly items: T[];
  /** Fields to spread into the response: TotalCount, PageNumber, PageSize and/or NextToken. */
  readonly fields: Record<string, number | string>;
}

const TOKEN_PREFIX = 'et1.';

/** NextToken values are opaque to clients; ours encode the offset of the next item. */
function encodeToken(offset: number): string {
  return TOKEN_PREFIX + Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeToken(token: string): number {
  if (token.startsWith(TOKEN_PREFIX)) {
    const match = /^o:(\d+)$/.exec(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString());
    if (match) return Number(match[1]);
  }
  throw invalidParameter('NextToken', 'not a token this API issued', 'InvalidParameter.NextToken');
}

/**
 * One page of an already filtered, ordered list. NextToken mode is used when the action supports
 * it and the request sends NextToken or MaxResults (then PageNumber/PageSize are ignored, as ECS
 * documents); otherwise PageNumber/PageSize.
 */
export function paginate<T>(items: readonly T[], params: RequestParams, limits: PageLimits): Page<T> {
  const { tokens } = limits;
  if (tokens && (params.has('NextToken') || params.has('MaxResults'))) {
    const requested = params.integer('MaxResults', { min: 0 }) ?? tokens.defaultMax;
    // ECS raises a MaxResults below the floor and lowers one above the maximum.
    const size = Math.min(tokens.maxMax, Math.max(tokens.minMax, requested));
    const token = params.string('NextToken');
    const offset = token === undefined ? 0 : decodeToken(token);
    const slice = items.slice(offset, offset + size);
    const next = offset + size < items.length ? encodeToken(offset + size) : '';
    return { items: slice, fields: { TotalCount: items.length, NextToken: next } };
  }
  const pageNumber = params.integer('PageNumber', { min: 1 }) ?? 1;
  const pageSize = params.integer('PageSize', { min: 1, max: limits.maxPageSize }) ?? limits.defaultPageSize;
  const start = (pageNumber - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    fields: { TotalCount: items.length, PageNumber: pageNumber, PageSize: pageSize },
  };
}

/**
 * A page of `items` in NextToken mode even when the request sends no token yet: the actions that
 * only page by token (ListTagResources, DescribeSecurityGroupAttribute) answer the first page with a
 * NextToken too. `size` is the page size when the request names no MaxResults.
 */
export function pageByToken<T>(
  items: readonly T[],
  params: RequestParams,
  limits: { size: number; min: number; max: number },
): Page<T> {
  const withMax = params.has('MaxResults')
    ? params
    : new RequestParams({ ...params.raw, MaxResults: String(limits.size) });
  return paginate(items, withMax, {
    defaultPageSize: limits.size,
    maxPageSize: limits.max,
    tokens: { defaultMax: limits.size, minMax: limits.min, maxMax: limits.max },
  });
}
