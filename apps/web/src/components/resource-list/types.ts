import type {
  PropertyFilterOption,
  PropertyFilterProperty,
  PropertyFilterQuery,
} from '@cloudscape-design/collection-hooks';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import type { ListPreferencesModel } from './list-preferences';

/** A key of the console's translations (typed: a misspelt key fails the type check). */
export type I18nKey = ParseKeys;

/** A column; `id` names it in the address (`?sort=<id>`) and in the stored preferences. */
export type ResourceListColumn<T> = TableProps.ColumnDefinition<T> & {
  readonly id: string;
  readonly header: string;
};

/**
 * The resource's own wording, as translation keys; each is translated with `labelValues` (say, the
 * region) as its interpolation values. The list's common wording is under `resourceList.*`.
 */
export interface ResourceListLabels {
  /** The page heading, e.g. "Instances". */
  readonly title: I18nKey;
  readonly loading: I18nKey;
  /** The error's heading when the first load failed. */
  readonly loadFailed: I18nKey;
  readonly emptyTitle: I18nKey;
  readonly emptySubtitle?: I18nKey;
  readonly noMatchTitle: I18nKey;
  readonly filterAriaLabel: I18nKey;
  readonly filterPlaceholder: I18nKey;
  /** The Refresh button's accessible name, e.g. "Refresh instances". */
  readonly refresh: I18nKey;
  readonly selectionGroup: I18nKey;
  readonly selectAll: I18nKey;
  /** Takes `{{name}}`: the row's `itemLabel`. */
  readonly selectItem: I18nKey;
  /** A page size in the preferences, plural by `{{count}}`, e.g. "50 disks". */
  readonly pageSizeOption: I18nKey;
}

/** The list's data as a TanStack `useQuery` result gives it (only what the list reads). */
export interface ResourceListSource {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: unknown;
  /** When the data shown was fetched (ms since the epoch), 0 before the first answer. */
  readonly dataUpdatedAt: number;
}

export interface ResourceListFiltering<T> {
  readonly properties: readonly PropertyFilterProperty[];
  readonly options: readonly PropertyFilterOption[];
  /** Whether an item matches the query; called once per item when the query or the items change. */
  readonly match: (item: T, query: PropertyFilterQuery) => boolean;
  /** The items a query keeps, in order, when the resource filters a whole list faster than item by item. */
  readonly filterItems?: (items: readonly T[], query: PropertyFilterQuery) => readonly T[];
  /** Names the groups of properties (e.g. tags) in the suggestions. */
  readonly customGroupsText?: readonly { group: string; properties: string; values: string }[];
}

/** What the header's actions act on. */
export interface ResourceListSelection<T> {
  /** Every selected item, on this page or another; only items the filter matches can be selected. */
  readonly selectedItems: readonly T[];
  /** The selected items' IDs that are on other pages than the one shown. */
  readonly notShownIds: ReadonlySet<string>;
}

/** How the list is kept per user: where it is stored (a name) and how stored values are read. */
export interface ResourceListStoredPreferences<C extends string> {
  readonly name: string;
  readonly model: ListPreferencesModel<C>;
}

/**
 * The list's CSV export: which columns, each heading's translation key, how the rows become the
 * file's text (given the translated headings), and the file's name.
 */
export interface ResourceListCsv<T, C extends string> {
  readonly columns: readonly C[];
  readonly heading: (column: C) => I18nKey;
  readonly build: (rows: readonly T[], headings: Readonly<Record<C, string>>) => string;
  readonly filename: (now: Date) => string;
}

export interface ResourceListProps<T, C extends string, E extends string> {
  /** `undefined` until the first answer. Pass the same array until the data changes. */
  readonly items: readonly T[] | undefined;
  readonly source: ResourceListSource;
  /** A refetch the user asked for (see `useUserRefetch`). */
  readonly onRefresh: () => Promise<unknown>;
  /** Keep the array the same between renders (useMemo): the table re-renders every row when it changes. */
  readonly columns: readonly ResourceListColumn<T>[];
  readonly trackBy: (item: T) => string;
  /** How a row is named to a screen reader (its checkbox's label). */
  readonly itemLabel: (item: T) => string;
  readonly filtering: ResourceListFiltering<T>;
  readonly labels: ResourceListLabels;
  /** Read at each render only: an object literal will do. */
  readonly labelValues?: Readonly<Record<string, string>>;
  /** The preferences control offers every column; the `id` column is always shown. */
  readonly preferences: ResourceListStoredPreferences<C>;
  /** Shown under the heading once data loaded, e.g. counts by status. */
  readonly renderSummary?: (items: readonly T[]) => ReactNode;
  /** The header's action buttons for the selection. */
  readonly renderActions?: (selection: ResourceListSelection<T>) => ReactNode;
  /** Exports the rows the filter lets through, in the table's order. */
  readonly csv?: ResourceListCsv<T, E>;
}
