import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';

/** What the server writes in place of a secret (`redactParams`). */
const REDACTED = '[REDACTED]';

function ParamValue({ value }: { readonly value: unknown }) {
  const { t } = useTranslation();
  if (value === REDACTED) return <StatusIndicator type="info">{t('audit.detail.redacted')}</StatusIndicator>;
  if (typeof value === 'string') return <Box variant="code">{value}</Box>;
  // Lists and objects (rules, tags) read best as indented JSON.
  return (
    <Box variant="code">
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(value, null, 2)}</pre>
    </Box>
  );
}

/** An entry's parameters as name/value rows, secrets shown as redacted. */
export function AuditParams({ params }: { readonly params: Readonly<Record<string, unknown>> }) {
  const { t } = useTranslation();
  const rows = Object.entries(params).map(([name, value]) => ({ name, value }));
  return (
    <Table
      variant="embedded"
      wrapLines
      items={rows}
      trackBy="name"
      ariaLabels={{ tableLabel: t('audit.detail.params') }}
      empty={<Box color="inherit">{t('audit.detail.noParams')}</Box>}
      columnDefinitions={[
        { id: 'name', header: t('audit.detail.paramName'), cell: (row) => row.name, isRowHeader: true },
        { id: 'value', header: t('audit.detail.paramValue'), cell: (row) => <ParamValue value={row.value} /> },
      ]}
    />
  );
}
