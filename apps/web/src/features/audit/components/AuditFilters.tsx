import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useTranslation } from 'react-i18next';
import { AUDIT_EVENTS, AUDIT_OUTCOMES, type AuditEvent, type AuditOutcome } from '@ecs-console/contract';
import { useAuditUserNames } from '../api/audit';
import { KNOWN_AUDIT_ACTIONS } from '../logic/audit-actions';
import {
  isoInstant,
  parseRelativeRange,
  PRESET_RANGES,
  relativeRange,
  type AuditTimeRange,
  type AuditView,
} from '../logic/audit-query';
import { FilterTextField } from './FilterTextField';

interface AuditFiltersProps {
  readonly view: AuditView;
  readonly onChange: (change: (current: AuditView) => AuditView) => void;
}

function pickerValue(range: AuditTimeRange | undefined): DateRangePickerProps.Value | null {
  if (!range) return null;
  if (range.kind === 'relative') return { type: 'relative', key: range.key, amount: range.amount, unit: range.unit };
  // An open end shows as far as the picker can: from the epoch, or up to now.
  return {
    type: 'absolute',
    startDate: range.from ?? new Date(0).toISOString(),
    endDate: range.to ?? new Date().toISOString(),
  };
}

function rangeOf(value: DateRangePickerProps.Value | null): AuditTimeRange | undefined {
  if (!value) return undefined;
  if (value.type === 'relative') return relativeRange(value.amount, value.unit);
  const from = isoInstant(value.startDate);
  const to = isoInstant(value.endDate);
  return { kind: 'absolute', ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Without a value the option is "Any". */
function optionValue<T extends string>(value: string | undefined, values: readonly T[]): T | undefined {
  return (values as readonly (string | undefined)[]).includes(value) ? (value as T) : undefined;
}

/** The server-side filters: every change is a new query of the whole log. */
export function AuditFilters({ view, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const users = useAuditUserNames();
  const set = (patch: Partial<AuditView>) =>
    onChange((current) => {
      const next: Record<string, unknown> = { ...current, ...patch };
      for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
      return next;
    });

  const anyOption: SelectProps.Option = { value: '', label: t('audit.filters.any') };
  const eventOptions = [
    anyOption,
    ...AUDIT_EVENTS.map((event) => ({ value: event, label: t(`audit.events.${event}`) })),
  ];
  const outcomeOptions = [
    anyOption,
    ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
  ];
  const relativeOptions = PRESET_RANGES.flatMap((key) => {
    const range = parseRelativeRange(key);
    return range?.kind === 'relative'
      ? [{ key, amount: range.amount, unit: range.unit, type: 'relative' as const }]
      : [];
  });

  return (
    <Grid
      // Three fields a row on a wide page, two on a narrow one, one on a phone.
      gridDefinition={Array.from({ length: 6 }, () => ({ colspan: { default: 12, xs: 6, s: 4 } }))}
    >
      <FilterTextField
        label={t('audit.filters.user')}
        placeholder={t('audit.filters.userPlaceholder')}
        value={view.user}
        suggestions={users.data ?? []}
        suggestionsLoading={users.isPending}
        onCommit={(user) => set({ user })}
      />
      <FilterTextField
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.actionPlaceholder')}
        value={view.action}
        suggestions={KNOWN_AUDIT_ACTIONS}
        onCommit={(action) => set({ action })}
      />
      <FormField label={t('audit.filters.event')}>
        <Select
          selectedOption={eventOptions.find((option) => option.value === (view.event ?? '')) ?? anyOption}
          options={eventOptions}
          onChange={({ detail }) => set({ event: optionValue<AuditEvent>(detail.selectedOption.value, AUDIT_EVENTS) })}
        />
      </FormField>
      <FormField label={t('audit.filters.outcome')}>
        <Select
          selectedOption={outcomeOptions.find((option) => option.value === (view.outcome ?? '')) ?? anyOption}
          options={outcomeOptions}
          onChange={({ detail }) =>
            set({ outcome: optionValue<AuditOutcome>(detail.selectedOption.value, AUDIT_OUTCOMES) })
          }
        />
      </FormField>
      <FilterTextField
        label={t('audit.filters.resourceId')}
        placeholder={t('audit.filters.resourceIdPlaceholder')}
        value={view.resourceId}
        suggestions={[]}
        onCommit={(resourceId) => set({ resourceId })}
      />
      <FormField label={t('audit.filters.time')}>
        <DateRangePicker
          placeholder={t('audit.filters.timePlaceholder')}
          value={pickerValue(view.range)}
          relativeOptions={relativeOptions}
          customRelativeRangeUnits={['minute', 'hour', 'day', 'week']}
          isValidRange={(value) => {
            if (value?.type === 'absolute') {
              if (!value.startDate || !value.endDate) {
                return { valid: false, errorMessage: t('audit.range.incomplete') };
              }
              if (Date.parse(value.startDate) >= Date.parse(value.endDate)) {
                return { valid: false, errorMessage: t('audit.range.invalid') };
              }
            }
            return { valid: true };
          }}
          onChange={({ detail }) => set({ range: rangeOf(detail.value) })}
        />
      </FormField>
    </Grid>
  );
}
