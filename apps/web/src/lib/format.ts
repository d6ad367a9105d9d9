/**
 * Locale-aware formatting with Intl. Every function takes the locale (the active i18next language)
 * so the same code serves every language and the tests can pin one.
 */

const EMPTY = '-';

// Intl formatters are costly to build and a table page formats hundreds of values: keep one per setting.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(
  locale: string,
  timeZone: string | undefined,
  style: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${style.dateStyle ?? ''}|${style.timeStyle ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...style, timeZone });
    dateTimeFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An ECS or BFF timestamp (ISO 8601; ECS uses minute precision, `2024-05-01T08:30Z`) as a local date
 * and time. Empty or unparseable values show as `-`. `timeZone` defaults to the browser's.
 */
export function formatDateTime(value: string | undefined | null, locale: string, timeZone?: string): string {
  if (!value) return EMPTY;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return EMPTY;
  return dateTimeFormat(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A moment's time of day with seconds, e.g. when a list was last refreshed. */
export function formatTime(date: Date | number, locale: string, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone, { timeStyle: 'medium' }).format(date);
}

/** A count with the locale's digit grouping (`10,000`, `10.000`, ...). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}

/** A size in GiB with up to two decimals (`0.5 GiB`, `1,024 GiB`). */
export function formatGiB(gib: number, locale: string): string {
  return `${numberFormat(locale, 2).format(gib)}\u00a0GiB`;
}

/** ECS reports instance memory in MiB; the console shows GiB as the official console does. */
export function formatMemoryMiB(mib: number, locale: string): string {
  return formatGiB(mib / 1024, locale);
}

/** `YYYY-MM-DD` of the given moment in the browser's time zone, for file names. */
export function localDateStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
