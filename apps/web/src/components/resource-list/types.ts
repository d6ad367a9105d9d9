import type {
  PropertyFilterOption,
  PropertyFilterProperty,
  PropertyFilterQuery,
} from '@cloudscape-design/collection-hooks';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';

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

export interface ResourceListPreferences {
  readonly pageSize: number;
  readonly contentDisplay: readonly { readonly id: string; readonly visible: boolean }[];
  readonly wrapLines: boolean;
  readonly stripedRows: boolean;
}

export interface ResourceListProps<T, P extends ResourceListPreferences = ResourceListPreferences> {
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
  readonly labelValues?: Readonly<Record<string, string>>;
  readonly preferences: P;
  /** The page sizes the preferences offer; another size in the address is ignored. */
  readonly pageSizes: readonly number[];
  readonly onPreferencesChange: (preferences: P) => void;
  /** The preferences control (page sizes and columns are the resource's). */
  readonly renderPreferences: (preferences: P, onConfirm: (preferences: P) => void) => ReactNode;
  /** Shown under the heading once data loaded, e.g. counts by status. */
  readonly renderSummary?: (items: readonly T[]) => ReactNode;
  /** The header's action buttons for the selection. */
  readonly renderActions?: (selection: ResourceListSelection<T>) => ReactNode;
  /** Exports the rows the filter lets through, in the table's order. */
  readonly onExport?: (items: readonly T[]) => void;
}
