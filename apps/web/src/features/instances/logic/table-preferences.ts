/** Column visibility and order, page size and look of the instance table, kept per user. */

const INSTANCE_COLUMN_IDS = [
  'name',
  'id',
  'status',
  'instanceType',
  'cpuMemory',
  'zone',
  'privateIp',
  'publicIp',
  'os',
  'chargeType',
  'created',
  'tags',
] as const;
export type InstanceColumnId = (typeof INSTANCE_COLUMN_IDS)[number];

export const PAGE_SIZES = [20, 50, 100, 200] as const;

export interface ColumnDisplay {
  readonly id: InstanceColumnId;
  readonly visible: boolean;
}

export interface InstanceTablePreferences {
  readonly pageSize: number;
  readonly contentDisplay: readonly ColumnDisplay[];
  readonly wrapLines: boolean;
  readonly stripedRows: boolean;
}

const HIDDEN_BY_DEFAULT: ReadonlySet<InstanceColumnId> = new Set(['cpuMemory', 'os', 'chargeType', 'created', 'tags']);

export const DEFAULT_TABLE_PREFERENCES: InstanceTablePreferences = {
  pageSize: 50,
  contentDisplay: INSTANCE_COLUMN_IDS.map((id) => ({ id, visible: !HIDDEN_BY_DEFAULT.has(id) })),
  wrapLines: false,
  stripedRows: false,
};

function isColumnId(value: unknown): value is InstanceColumnId {
  return typeof value === 'string' && (INSTANCE_COLUMN_IDS as readonly string[]).includes(value);
}

/**
 * Stored column order and visibility, cleaned up: unknown or repeated columns are dropped, and
 * columns added in a later release are appended with their default visibility.
 */
function parseContentDisplay(stored: unknown): readonly ColumnDisplay[] {
  if (!Array.isArray(stored)) return DEFAULT_TABLE_PREFERENCES.contentDisplay;
  const columns: ColumnDisplay[] = [];
  for (const entry of stored as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, visible } = entry as { id?: unknown; visible?: unknown };
    if (isColumnId(id) && typeof visible === 'boolean' && !columns.some((column) => column.id === id)) {
      columns.push({ id, visible });
    }
  }
  for (const column of DEFAULT_TABLE_PREFERENCES.contentDisplay) {
    if (!columns.some(({ id }) => id === column.id)) columns.push(column);
  }
  return columns;
}

/** Preferences from localStorage, whatever an older release (or a hand edit) left there. */
export function parseTablePreferences(stored: unknown): InstanceTablePreferences {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_TABLE_PREFERENCES;
  const value = stored as Partial<Record<keyof InstanceTablePreferences, unknown>>;
  const pageSize = (PAGE_SIZES as readonly unknown[]).includes(value.pageSize)
    ? (value.pageSize as number)
    : DEFAULT_TABLE_PREFERENCES.pageSize;
  return {
    pageSize,
    contentDisplay: parseContentDisplay(value.contentDisplay),
    wrapLines: typeof value.wrapLines === 'boolean' ? value.wrapLines : DEFAULT_TABLE_PREFERENCES.wrapLines,
    stripedRows: typeof value.stripedRows === 'boolean' ? value.stripedRows : DEFAULT_TABLE_PREFERENCES.stripedRows,
  };
}
