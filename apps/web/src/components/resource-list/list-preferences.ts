/** Column visibility and order, page size and look of a list, kept per user. */

export const PAGE_SIZES = [20, 50, 100, 200] as const;

export interface ColumnDisplay<C extends string> {
  readonly id: C;
  readonly visible: boolean;
}

export interface TablePreferences<C extends string> {
  readonly pageSize: number;
  readonly contentDisplay: readonly ColumnDisplay<C>[];
  readonly wrapLines: boolean;
  readonly stripedRows: boolean;
}

export interface ListPreferencesSpec<C extends string> {
  /** Every column, in the default order. */
  readonly columns: readonly C[];
  readonly hiddenByDefault: readonly C[];
}

export interface ListPreferencesModel<C extends string> {
  readonly defaults: TablePreferences<C>;
  /** Preferences from storage, whatever an older release (or a hand edit) left there. */
  readonly parse: (stored: unknown) => TablePreferences<C>;
}

export function listPreferences<C extends string>({
  columns,
  hiddenByDefault,
}: ListPreferencesSpec<C>): ListPreferencesModel<C> {
  const defaults: TablePreferences<C> = {
    pageSize: 50,
    contentDisplay: columns.map((id) => ({ id, visible: !hiddenByDefault.includes(id) })),
    wrapLines: false,
    stripedRows: false,
  };

  const isColumnId = (value: unknown): value is C =>
    typeof value === 'string' && (columns as readonly string[]).includes(value);

  /**
   * Stored column order and visibility, cleaned up: unknown or repeated columns are dropped, and
   * columns added in a later release are appended with their default visibility.
   */
  function parseContentDisplay(stored: unknown): readonly ColumnDisplay<C>[] {
    if (!Array.isArray(stored)) return defaults.contentDisplay;
    const parsed: ColumnDisplay<C>[] = [];
    for (const entry of stored as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, visible } = entry as { id?: unknown; visible?: unknown };
      if (isColumnId(id) && typeof visible === 'boolean' && !parsed.some((column) => column.id === id)) {
        parsed.push({ id, visible });
      }
    }
    for (const column of defaults.contentDisplay) {
      if (!parsed.some(({ id }) => id === column.id)) parsed.push(column);
    }
    return parsed;
  }

  function parse(stored: unknown): TablePreferences<C> {
    if (typeof stored !== 'object' || stored === null) return defaults;
    const value = stored as Partial<Record<keyof TablePreferences<C>, unknown>>;
    const pageSize = (PAGE_SIZES as readonly unknown[]).includes(value.pageSize)
      ? (value.pageSize as number)
      : defaults.pageSize;
    return {
      pageSize,
      contentDisplay: parseContentDisplay(value.contentDisplay),
      wrapLines: typeof value.wrapLines === 'boolean' ? value.wrapLines : defaults.wrapLines,
      stripedRows: typeof value.stripedRows === 'boolean' ? value.stripedRows : defaults.stripedRows,
    };
  }

  return { defaults, parse };
}
