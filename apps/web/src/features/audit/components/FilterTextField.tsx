import Autosuggest from '@cloudscape-design/components/autosuggest';
import FormField from '@cloudscape-design/components/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterTextFieldProps {
  readonly label: string;
  readonly placeholder: string;
  readonly description?: string;
  /** The value in effect (from the address). */
  readonly value: string | undefined;
  readonly suggestions: readonly string[];
  readonly suggestionsLoading?: boolean;
  /** Undefined clears the filter. */
  readonly onCommit: (value: string | undefined) => void;
}

/**
 * A text filter with suggestions that applies on Enter, on picking a suggestion, on leaving the
 * field or on clearing it: each applied value is one request, not one per keystroke.
 */
export function FilterTextField({
  label,
  placeholder,
  description,
  value,
  suggestions,
  suggestionsLoading,
  onCommit,
}: FilterTextFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  // The value changed elsewhere (Clear filters, Back): show it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const commit = (text: string) => {
    const next = text.trim() || undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <FormField label={label} description={description}>
      <Autosuggest
        value={draft}
        placeholder={placeholder}
        options={suggestions.map((suggestion) => ({ value: suggestion }))}
        statusType={suggestionsLoading ? 'loading' : 'finished'}
        loadingText={t('audit.filters.loadingUsers')}
        enteredTextLabel={(text) => t('audit.filters.useValue', { value: text })}
        clearAriaLabel={t('audit.filters.clearField', { field: label })}
        onChange={({ detail }) => {
          setDraft(detail.value);
          if (detail.value === '') commit('');
        }}
        onSelect={({ detail }) => commit(detail.value)}
        onKeyDown={({ detail }) => {
          if (detail.key === 'Enter') commit(draft);
        }}
        onBlur={() => commit(draft)}
      />
    </FormField>
  );
}
