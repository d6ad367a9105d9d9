import type {
  PropertyFilterOperator,
  PropertyFilterQuery,
  PropertyFilterToken,
} from '@cloudscape-design/collection-hooks';

/**
 * A list's view as query-string parameters, so a reload, Back from a detail page and a copied link
 * all open the same view:
 *
 *   ?region=cn-hangzhou&filter=status+=+Running&filter=tag:env+=+prod&operation=or&sort=name&order=desc&page=3&pageSize=50
 *
 * One `filter` per token, written as the filter shows it (`<property> <operator> <value>`, free
 * text as `<operator> <value>`), so the address reads like the filter. Parsing is forgiving: a token,
 * sort, page or size that does not parse is left out rather than failing the page.
 */
export interface ListUrlState {
  readonly query: PropertyFilterQuery;
  /** A column ID; the list ignores one it does not have. */
  readonly sortColumn?: string;
  readonly sortDescending: boolean;
  /** 1-based; a page past the end is clamped by the list once its data is loaded. */
  readonly page: number;
  /** Absent: the user's stored page size applies. */
  readonly pageSize?: number;
}

export const LIST_PARAMS = {
  filter: 'filter',
  operation: 'operation',
  sort: 'sort',
  order: 'order',
  page: 'page',
  pageSize: 'pageSize',
} as const;

const LIST_PARAM_NAMES: ReadonlySet<string> = new Set(Object.values(LIST_PARAMS));

// Longest first, so `!=` is not read as `=` preceded by a `!` in the property name.
const OPERATORS: readonly PropertyFilterOperator[] = ['!=', '!:', '!^', '>=', '<=', '=', ':', '^', '>', '<'];

export const EMPTY_QUERY: PropertyFilterQuery = { tokens: [], operation: 'and' };

export function tokenToParam(token: PropertyFilterToken): string {
  const value = String(token.value ?? '');
  return token.propertyKey ? `${token.propertyKey} ${token.operator} ${value}` : `${token.operator} ${value}`;
}

/** One `filter` parameter back into a token; `undefined` when it does not read as one. */
export function tokenFromParam(text: string): PropertyFilterToken | undefined {
  for (const operator of OPERATORS) {
    if (text.startsWith(`${operator} `)) {
      const value = text.slice(operator.length + 1);
      return value ? { operator, value } : undefined;
    }
  }
  // The first ` <operator> ` separates the property from the value (values may contain operators).
  let found: { index: number; operator: PropertyFilterOperator } | undefined;
  for (const operator of OPERATORS) {
    const index = text.indexOf(` ${operator} `);
    if (index > 0 && (!found || index < found.index)) found = { index, operator };
  }
  if (!found) return undefined;
  const value = text.slice(found.index + found.operator.length + 2);
  return value ? { propertyKey: text.slice(0, found.index), operator: found.operator, value } : undefined;
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d{1,6}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export function parseListUrlState(params: URLSearchParams): ListUrlState {
  const tokens = params.getAll(LIST_PARAMS.filter).flatMap((text) => tokenFromParam(text) ?? []);
  const sortColumn = params.get(LIST_PARAMS.sort) || undefined;
  const pageSize = positiveInteger(params.get(LIST_PARAMS.pageSize));
  return {
    query: { tokens, operation: params.get(LIST_PARAMS.operation) === 'or' ? 'or' : 'and' },
    ...(sortColumn ? { sortColumn } : {}),
    sortDescending: params.get(LIST_PARAMS.order) === 'desc',
    page: positiveInteger(params.get(LIST_PARAMS.page)) ?? 1,
    ...(pageSize ? { pageSize } : {}),
  };
}

/**
 * A query-string value escaped only where a URL needs it: `:`, `=`, `/` and `,` stay as typed and a
 * space is `+`, so `filter=tag:env+=+prod` is readable in the address bar.
 */
function encodeValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/%3A/gi, ':')
    .replace(/%3D/gi, '=')
    .replace(/%2F/gi, '/')
    .replace(/%2C/gi, ',');
}

/**
 * The query string (with `?`, or `''`) for `state`, keeping every parameter that is not the list's
 * (such as `region`) where it was. Defaults are left out: page 1, ascending, `and`.
 */
export function listSearch(current: URLSearchParams, state: ListUrlState): string {
  const parts: string[] = [];
  for (const [name, value] of current) {
    if (!LIST_PARAM_NAMES.has(name)) parts.push(`${encodeValue(name)}=${encodeValue(value)}`);
  }
  const add = (name: string, value: string) => parts.push(`${name}=${encodeValue(value)}`);
  for (const token of state.query.tokens) add(LIST_PARAMS.filter, tokenToParam(token));
  if (state.query.tokens.length > 1 && state.query.operation === 'or') add(LIST_PARAMS.operation, 'or');
  if (state.sortColumn) {
    add(LIST_PARAMS.sort, state.sortColumn);
    if (state.sortDescending) add(LIST_PARAMS.order, 'desc');
  }
  if (state.page > 1) add(LIST_PARAMS.page, String(state.page));
  if (state.pageSize) add(LIST_PARAMS.pageSize, String(state.pageSize));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The query string with `name` set to `value` (first), the other parameters as they were, readable. */
export function searchWith(current: URLSearchParams, name: string, value: string): string {
  const parts = [`${encodeValue(name)}=${encodeValue(value)}`];
  for (const [other, otherValue] of current) {
    if (other !== name) parts.push(`${encodeValue(other)}=${encodeValue(otherValue)}`);
  }
  return `?${parts.join('&')}`;
}
