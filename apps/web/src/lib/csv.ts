/** CSV per RFC 4180 (CRLF line ends, quoted fields), safe to open in a spreadsheet. */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet treat a cell as a formula. Instance names and tags are
 * user-controlled, so such a cell is prefixed with `'` (OWASP's advice against CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvEscape(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvEscape).join(',')).join('\r\n') + '\r\n';
}
