import type { PropertyFilterQuery } from '@cloudscape-design/collection-hooks';
import { useCallback, useMemo, useState } from 'react';
import type { ResourceListSelection } from './types';

export interface ListSelectionOptions<T> {
  readonly items: readonly T[] | undefined;
  readonly pageItems: readonly T[];
  readonly trackBy: (item: T) => string;
  readonly match: (item: T, query: PropertyFilterQuery) => boolean;
  readonly query: PropertyFilterQuery;
}

export interface ListSelection<T> extends ResourceListSelection<T> {
  readonly setSelectedItems: (items: readonly T[]) => void;
}

interface SelectionState<T> {
  readonly ids: ReadonlySet<string>;
  /** The items and filter `ids` was last checked against. */
  readonly items: readonly T[] | undefined;
  readonly query: PropertyFilterQuery;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The list's selection, with no hidden part: it holds only items the filter matches. When the
 * filter (or the data) changes, selected items that no longer match are deselected for good (they
 * do not come back when the filter is cleared), items still matching stay selected, and items that
 * are gone drop out. Selected items on other pages stay selected and are reported as not shown.
 * Each check costs the size of the selection, not of the list.
 */
export function useListSelection<T>({
  items,
  pageItems,
  trackBy,
  match,
  query,
}: ListSelectionOptions<T>): ListSelection<T> {
  const [state, setState] = useState<SelectionState<T>>({ ids: NOTHING, items, query });
  const itemsById = useMemo(() => new Map((items ?? []).map((item) => [trackBy(item), item])), [items, trackBy]);

  // React's way to adjust state to new props: during render, before anything is shown with the old.
  if (state.items !== items || state.query !== query) {
    const kept = new Set<string>();
    for (const id of state.ids) {
      const item = itemsById.get(id);
      if (item !== undefined && match(item, query)) kept.add(id);
    }
    setState({ ids: kept.size === state.ids.size ? state.ids : kept, items, query });
  }

  const selectedItems = useMemo(() => [...state.ids].flatMap((id) => itemsById.get(id) ?? []), [state.ids, itemsById]);
  const notShownIds = useMemo(() => {
    if (state.ids.size === 0) return NOTHING;
    const onPage = new Set(pageItems.map(trackBy));
    const notShown = new Set([...state.ids].filter((id) => !onPage.has(id)));
    return notShown.size === 0 ? NOTHING : notShown;
  }, [state.ids, pageItems, trackBy]);

  const setSelectedItems = useCallback(
    (next: readonly T[]) => setState((current) => ({ ...current, ids: new Set(next.map(trackBy)) })),
    [trackBy],
  );

  return { selectedItems, notShownIds, setSelectedItems };
}
