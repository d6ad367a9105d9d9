import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, parseTablePreferences, type InstanceTablePreferences } from '../logic/table-preferences';
import type { InstanceColumn } from './instance-columns';

interface TablePreferencesProps {
  readonly preferences: InstanceTablePreferences;
  readonly columns: readonly InstanceColumn[];
  readonly onChange: (preferences: InstanceTablePreferences) => void;
}

export function TablePreferences({ preferences, columns, onChange }: TablePreferencesProps) {
  const { t } = useTranslation();
  return (
    <CollectionPreferences
      preferences={preferences}
      onConfirm={({ detail }) => onChange(parseTablePreferences(detail))}
      pageSizePreference={{
        options: PAGE_SIZES.map((value) => ({ value, label: t('table.pageSizeOption', { count: value }) })),
      }}
      contentDisplayPreference={{
        options: columns.map((column) => ({
          id: column.id,
          label: column.header,
          // Without the ID column no row could be opened or told apart.
          alwaysVisible: column.id === 'id',
        })),
      }}
      wrapLinesPreference={{}}
      stripedRowsPreference={{}}
    />
  );
}
