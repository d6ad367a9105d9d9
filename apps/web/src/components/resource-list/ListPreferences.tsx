import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import { PAGE_SIZES, type ListPreferencesModel, type TablePreferences } from './list-preferences';

interface ListPreferencesProps<C extends string> {
  readonly preferences: TablePreferences<C>;
  readonly model: ListPreferencesModel<C>;
  readonly columns: readonly { readonly id: string; readonly header: string }[];
  /** A page size's label, e.g. "50 disks". */
  readonly pageSizeLabel: (count: number) => string;
  readonly onChange: (preferences: TablePreferences<C>) => void;
}

/** The column that is always shown: without the ID no row could be opened or told apart. */
const ALWAYS_VISIBLE = 'id';

/** The list's preferences control: page size, columns (shown and order), wrapping, stripes. */
export function ListPreferences<C extends string>({
  preferences,
  model,
  columns,
  pageSizeLabel,
  onChange,
}: ListPreferencesProps<C>) {
  return (
    <CollectionPreferences
      preferences={preferences}
      onConfirm={({ detail }) => onChange(model.parse(detail))}
      pageSizePreference={{
        options: PAGE_SIZES.map((value) => ({ value, label: pageSizeLabel(value) })),
      }}
      contentDisplayPreference={{
        options: columns.map((column) => ({
          id: column.id,
          label: column.header,
          alwaysVisible: column.id === ALWAYS_VISIBLE,
        })),
      }}
      wrapLinesPreference={{}}
      stripedRowsPreference={{}}
    />
  );
}
