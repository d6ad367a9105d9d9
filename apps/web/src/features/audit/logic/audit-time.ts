/**
 * Audit times as an investigator needs them: to the millisecond and with the zone written out
 * (`2026-12-01 09:42:07.123 UTC+08:00`), so times copied from the console line up with server logs.
 */

export type AuditTimeZone = 'local' | 'utc';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `UTC`, `UTC+08:00`, `UTC-03:30` for an offset east of UTC in minutes. */
export function utcOffsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const minutes = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `YYYY-MM-DD HH:mm:ss.SSS <zone>`, in the browser's zone or in UTC; `-` when it does not parse. */
export function formatAuditTime(iso: string, zone: AuditTimeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '-';
  if (zone === 'utc') {
    return (
      `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
      `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
      `${pad(date.getUTCMilliseconds(), 3)} UTC`
    );
  }
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.` +
    `${pad(date.getMilliseconds(), 3)} ${utcOffsetLabel(-date.getTimezoneOffset())}`
  );
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
  ['second', 1000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 minutes ago", "2 days ago", "now": the largest whole unit, in the locale's words. */
export function formatRelativeTime(iso: string, now: number, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  const elapsed = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size || unit === 'second') return format.format(Math.trunc(elapsed / size), unit);
  }
  return '';
}
