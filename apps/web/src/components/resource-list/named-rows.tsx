import { CopyableId } from '@/components/CopyableId';
import { compareText } from '@/lib/compare';
import type { ResourceListColumn } from './types';

/** Rows of a resource with an ID and a (maybe empty) name: how the lists track, name, sort and show them. */
export interface NamedRow {
  readonly id: string;
  readonly name: string;
}

export const rowId = (row: NamedRow): string => row.id;

/** How a row is named to a screen reader: its name, or its ID when it has none. */
export const rowLabel = (row: NamedRow): string => row.name || row.id;

/** A column's sort by one of the row's texts, in the reader's order (compareText). */
export const byText =
  <R,>(value: (row: R) => string) =>
  (a: R, b: R): number =>
    compareText(value(a), value(b));

/** The row's name, `-` when it has none. Each list sizes it: names are longer for some resources. */
export function nameColumn<R extends NamedRow>(
  header: string,
  size: { readonly width: number; readonly minWidth: number },
): ResourceListColumn<R> & { readonly id: 'name' } {
  return { id: 'name', header, cell: (row) => row.name || '-', sortingComparator: byText((row) => row.name), ...size };
}

/**
 * The row's ID, the row's header: copyable, and a link to the resource's page when `href` gives one.
 * Room for a whole ID (a prefix and 20 characters, wide letters included) and its copy button, no more.
 */
export function idColumn<R extends NamedRow>(
  header: string,
  href?: (row: R) => string,
): ResourceListColumn<R> & { readonly id: 'id' } {
  return {
    id: 'id',
    header,
    cell: (row) => <CopyableId id={row.id} href={href?.(row)} />,
    sortingComparator: byText((row) => row.id),
    isRowHeader: true,
    width: 260,
    minWidth: 240,
  };
}
