/**
 * The pages of a keyset-paged list known so far. The API has no page numbers and no total, only a
 * cursor for the page after each one loaded; page N can be asked for once page N-1 has loaded.
 */
export interface KeysetPages {
  /** `cursors[i]` is the cursor of page i+1 (page 1 has none). Its length is the pages known. */
  readonly cursors: readonly (string | undefined)[];
  /** Entries of each loaded page, by index; for the "50+ entries" count. */
  readonly counts: readonly number[];
  /** The last known page has loaded and had no next cursor: there are no more. */
  readonly ended: boolean;
}

export const FIRST_PAGE: KeysetPages = { cursors: [undefined], counts: [], ended: false };

/**
 * The pages after page `page` (1-based) loaded with `count` entries and `nextCursor`. A page that
 * answers differently than before (entries removed by retention, a refresh) cuts the pages after it.
 */
export function pageLoaded(
  pages: KeysetPages,
  page: number,
  count: number,
  nextCursor: string | undefined,
): KeysetPages {
  if (page < 1 || page > pages.cursors.length) return pages;
  const sameNext = pages.cursors[page] === nextCursor && (nextCursor !== undefined || pages.ended);
  if (sameNext && pages.counts[page - 1] === count) return pages;
  const counts = [...pages.counts.slice(0, page - 1), count];
  if (nextCursor === undefined) return { cursors: pages.cursors.slice(0, page), counts, ended: true };
  if (sameNext) return { ...pages, counts: [...counts, ...pages.counts.slice(page)] };
  return { cursors: [...pages.cursors.slice(0, page), nextCursor], counts, ended: false };
}

/** How many entries have been loaded, and whether more may follow ("50+"). */
export function loadedCount(pages: KeysetPages): { readonly count: number; readonly more: boolean } {
  return { count: pages.counts.reduce((sum, count) => sum + count, 0), more: !pages.ended };
}
