import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { useTranslation } from 'react-i18next';
import { AUDIT_PAGE_SIZES, parseAuditPreferences, type AuditPreferences } from '../logic/audit-preferences';
import { utcOffsetLabel, type AuditTimeZone } from '../logic/audit-time';
import type { AuditColumn } from './audit-columns';

interface AuditPreferencesControlProps {
  readonly preferences: AuditPreferences;
  readonly columns: readonly AuditColumn[];
  readonly onChange: (preferences: AuditPreferences) => void;
}

/** Page size, columns, stripes and whether times show in local time or UTC. */
export function AuditPreferencesControl({ preferences, columns, onChange }: AuditPreferencesControlProps) {
  const { t } = useTranslation();
  const localZone = utcOffsetLabel(-new Date().getTimezoneOffset());
  return (
    <CollectionPreferences
      preferences={{ ...preferences, custom: preferences.timeZone }}
      onConfirm={({ detail }) =>
        onChange(parseAuditPreferences({ ...detail, timeZone: detail.custom as AuditTimeZone | undefined }))
      }
      pageSizePreference={{
        options: AUDIT_PAGE_SIZES.map((value) => ({ value, label: t('audit.preferences.pageSize', { count: value }) })),
      }}
      contentDisplayPreference={{
        options: columns.map((column) => ({
          id: column.id,
          label: column.header,
          alwaysVisible: column.id === 'time',
        })),
      }}
      stripedRowsPreference={{}}
      customPreference={(value: AuditTimeZone, setValue: (value: AuditTimeZone) => void) => (
        <FormField label={t('audit.preferences.timeZone')}>
          <RadioGroup
            value={value}
            onChange={({ detail }) => setValue(detail.value === 'utc' ? 'utc' : 'local')}
            items={[
              { value: 'local', label: t('audit.preferences.timeZoneLocal', { zone: localZone }) },
              { value: 'utc', label: t('audit.preferences.timeZoneUtc') },
            ]}
          />
        </FormField>
      )}
    />
  );
}
