import { toCsv, type CsvValue } from '@/lib/csv';
import { csvBlob, downloadBlob } from '@/lib/download';
import { localDateStamp } from '@/lib/format';
import type { I18nKey, ResourceListCsv } from './types';

/**
 * A list's CSV export. Raw values, not display text: ECS statuses and ISO times sort and parse in
 * a spreadsheet, and the file reads the same whatever the exporting user's language; only the
 * headings are in it.
 */

/** Each column of the file: its ID (which names its heading) and its raw value per row. */
export type CsvColumns<R, C extends string> = Readonly<Record<C, (row: R) => CsvValue>>;

export function rowsCsv<R, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  valueOf: CsvColumns<R, C>,
  headings: Readonly<Record<C, string>>,
): string {
  return toCsv(
    columns.map((column) => headings[column]),
    rows.map((row) => columns.map((column) => valueOf[column](row))),
  );
}

/** `ecs-<what>-<region>-<local date>.csv`. */
export function listCsvFilename(what: string, regionId: string, now: Date): string {
  return `ecs-${what}-${regionId}-${localDateStamp(now)}.csv`;
}

/** Downloads `rows` as the list's CSV file, its headings translated by `translate`. */
export function downloadRowsCsv<T, C extends string>(
  csv: ResourceListCsv<T, C>,
  rows: readonly T[],
  translate: (key: I18nKey) => string,
): void {
  const headings = Object.fromEntries(csv.columns.map((column) => [column, translate(csv.heading(column))])) as Record<
    C,
    string
  >;
  downloadBlob(csv.filename(new Date()), csvBlob(csv.build(rows, headings)));
}
