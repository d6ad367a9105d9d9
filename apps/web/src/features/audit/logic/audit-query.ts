import {
  AUDIT_EVENTS,
  AUDIT_OUTCOMES,
  type AuditEvent,
  type AuditFilter,
  type AuditOutcome,
} from '@ecs-console/contract';

/**
 * The audit page's view in the address, so a reload or a copied link opens the same entries:
 *
 *   /audit?user=alice&action=StopInstance&outcome=failure&range=24h&entry=1234
 *
 * Filters are the API's own names (`AUDIT_QUERY_NAMES`). A time range is either relative (`range`,
 * resolved against the clock at each request, so "last 24 hours" stays the last 24 hours) or
 * absolute (`from` inclusive, `to` exclusive, ISO 8601). `entry` opens that entry's detail. What
 * does not parse is left out rather than failing the page.
 */

/** A relative range's units as the address writes them (`90m`, `24h`, `7d`, `2w`). */
export const RANGE_UNITS = { m: 'minute', h: 'hour', d: 'day', w: 'week' } as const;
export type RangeUnitLetter = keyof typeof RANGE_UNITS;
export type RangeUnit = (typeof RANGE_UNITS)[RangeUnitLetter];

const UNIT_MS: Readonly<Record<RangeUnit, number>> = {
  minute: 60 * 1000,
  hour: 60 * 60 * 1000,
  day: 24 * 60 * 60 * 1000,
  week: 7 * 24 * 60 * 60 * 1000,
};

/** The relative ranges offered first, as CloudTrail does. */
export const PRESET_RANGES = ['1h', '24h', '7d', '30d'] as const;

export type AuditTimeRange =
  /** The last `amount` units, up to now; `key` is how the address writes it (`24h`). */
  | { readonly kind: 'relative'; readonly key: string; readonly amount: number; readonly unit: RangeUnit }
  | { readonly kind: 'absolute'; readonly from?: string; readonly to?: string };

/** `24h` → the last 24 hours; undefined for anything else. */
export function parseRelativeRange(key: string | null): AuditTimeRange | undefined {
  const match = key ? /^([1-9]\d{0,3})([mhdw])$/.exec(key) : null;
  if (!match) return undefined;
  const amount = Number(match[1]);
  return { kind: 'relative', key: `${amount}${match[2]}`, amount, unit: RANGE_UNITS[match[2] as RangeUnitLetter] };
}

export function relativeRange(amount: number, unit: string): AuditTimeRange | undefined {
  const letter = (Object.keys(RANGE_UNITS) as RangeUnitLetter[]).find((name) => RANGE_UNITS[name] === unit);
  return letter ? parseRelativeRange(`${amount}${letter}`) : undefined;
}

/** The filters the user chose (the time range unresolved). */
export interface AuditView {
  readonly user?: string;
  readonly action?: string;
  readonly event?: AuditEvent;
  readonly resourceId?: string;
  readonly outcome?: AuditOutcome;
  readonly range?: AuditTimeRange;
}

export const AUDIT_URL_PARAMS = {
  user: 'user',
  action: 'action',
  event: 'event',
  resourceId: 'resourceId',
  outcome: 'outcome',
  range: 'range',
  from: 'from',
  to: 'to',
  entry: 'entry',
} as const;

const VIEW_PARAM_NAMES: ReadonlySet<string> = new Set(
  Object.values(AUDIT_URL_PARAMS).filter((name) => name !== AUDIT_URL_PARAMS.entry),
);

/** Longer values are not names or IDs; the API would refuse them anyway. */
const MAX_TEXT = 256;

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= MAX_TEXT ? trimmed : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;
}

/** An instant as ISO 8601 in UTC (`…Z`), or undefined when it does not parse. */
export function isoInstant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function parseRange(params: URLSearchParams): AuditTimeRange | undefined {
  const relative = parseRelativeRange(params.get(AUDIT_URL_PARAMS.range));
  if (relative) return relative;
  const from = isoInstant(params.get(AUDIT_URL_PARAMS.from));
  const to = isoInstant(params.get(AUDIT_URL_PARAMS.to));
  if (!from && !to) return undefined;
  return { kind: 'absolute', ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function parseAuditView(params: URLSearchParams): AuditView {
  const view: { -readonly [K in keyof AuditView]: AuditView[K] } = {};
  const user = text(params.get(AUDIT_URL_PARAMS.user));
  const action = text(params.get(AUDIT_URL_PARAMS.action));
  const event = oneOf(AUDIT_EVENTS, params.get(AUDIT_URL_PARAMS.event));
  const resourceId = text(params.get(AUDIT_URL_PARAMS.resourceId));
  const outcome = oneOf(AUDIT_OUTCOMES, params.get(AUDIT_URL_PARAMS.outcome));
  const range = parseRange(params);
  if (user) view.user = user;
  if (action) view.action = action;
  if (event) view.event = event;
  if (resourceId) view.resourceId = resourceId;
  if (outcome) view.outcome = outcome;
  if (range) view.range = range;
  return view;
}

/** The view's parameters in a fixed order, defaults left out. */
function viewParams(view: AuditView): [string, string][] {
  const params: [string, string][] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) params.push([name, value]);
  };
  add(AUDIT_URL_PARAMS.user, view.user);
  add(AUDIT_URL_PARAMS.action, view.action);
  add(AUDIT_URL_PARAMS.event, view.event);
  add(AUDIT_URL_PARAMS.resourceId, view.resourceId);
  add(AUDIT_URL_PARAMS.outcome, view.outcome);
  if (view.range?.kind === 'relative') add(AUDIT_URL_PARAMS.range, view.range.key);
  if (view.range?.kind === 'absolute') {
    add(AUDIT_URL_PARAMS.from, view.range.from);
    add(AUDIT_URL_PARAMS.to, view.range.to);
  }
  return params;
}

/** The query string (with `?`, or `''`) for `view`, keeping `entry` and any parameter not the page's. */
export function auditSearch(current: URLSearchParams, view: AuditView): string {
  const next = new URLSearchParams();
  for (const [name, value] of current) if (!VIEW_PARAM_NAMES.has(name)) next.append(name, value);
  for (const [name, value] of viewParams(view)) next.append(name, value);
  const search = next.toString();
  return search ? `?${search}` : '';
}

/** The query string with `entry` set (or removed when undefined), everything else as it was. */
export function searchWithEntry(current: URLSearchParams, entryId: string | undefined): string {
  const next = new URLSearchParams(current);
  if (entryId) next.set(AUDIT_URL_PARAMS.entry, entryId);
  else next.delete(AUDIT_URL_PARAMS.entry);
  const search = next.toString();
  return search ? `?${search}` : '';
}

/** A stable text for the view: a new one starts paging afresh. */
export function auditViewKey(view: AuditView): string {
  return new URLSearchParams(viewParams(view)).toString();
}

export function hasFilters(view: AuditView): boolean {
  return viewParams(view).length > 0;
}

/** The API's filter for `view`, a relative range resolved against `now` (ms since the epoch). */
export function resolveAuditFilter(view: AuditView, now: number): AuditFilter {
  const { range, ...rest } = view;
  if (!range) return rest;
  if (range.kind === 'relative')
    return { ...rest, from: new Date(now - range.amount * UNIT_MS[range.unit]).toISOString() };
  return { ...rest, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}

export interface AuditPaging {
  readonly limit: number;
  readonly cursor?: string;
}

/** `user=…&action=…&limit=…&cursor=…` for `GET /api/audit` (and, without paging, its export). */
export function auditQueryString(filter: AuditFilter, paging?: AuditPaging): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter) as [string, string | undefined][]) {
    if (value) params.append(name, value);
  }
  if (paging) {
    params.append('limit', String(paging.limit));
    if (paging.cursor) params.append('cursor', paging.cursor);
  }
  return params.toString();
}

export function auditListPath(filter: AuditFilter, paging: AuditPaging): string {
  return `/api/audit?${auditQueryString(filter, paging)}`;
}

/** The CSV of every entry `filter` matches (the BFF streams it as a download). */
export function auditExportPath(filter: AuditFilter): string {
  const query = auditQueryString(filter);
  return query ? `/api/audit/export?${query}` : '/api/audit/export';
}

export function auditEntryPath(id: string): string {
  return `/api/audit/${encodeURIComponent(id)}`;
}
