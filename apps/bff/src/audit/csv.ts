/**
 * CSV per RFC 4180 (CRLF line ends, quoted fields), safe to open in a spreadsheet: the same rules
 * as the web's `lib/csv.ts` (no CSV library is in the workspace; this is all the export needs).
 */

/**
 * Characters that make a spreadsheet treat a cell as a formula. User names, parameters and ECS
 * messages are user-controlled, so such a cell is prefixed with `'` (OWASP's advice against CSV
 * injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly (string | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
