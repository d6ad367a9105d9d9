import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import type { StoredAuditEntry } from '@ecs-console/contract';
import { useAuditEntry } from '../api/audit';
import { formatAuditTime } from '../logic/audit-time';
import { AuditOutcome } from './AuditOutcome';
import { AuditParams } from './AuditParams';
import { AuditResources } from './AuditResources';

function EntryFields({ entry }: { readonly entry: StoredAuditEntry }) {
  const { t } = useTranslation();
  const orDash = (value: string | undefined) => value ?? '-';
  return (
    <SpaceBetween size="l">
      <KeyValuePairs
        columns={3}
        items={[
          { label: t('audit.detail.timeLocal'), value: formatAuditTime(entry.time, 'local') },
          { label: t('audit.detail.timeUtc'), value: formatAuditTime(entry.time, 'utc') },
          { label: t('audit.detail.id'), value: entry.id },
          { label: t('audit.detail.user'), value: entry.user },
          { label: t('audit.detail.role'), value: entry.role ? t(`roles.${entry.role}`) : '-' },
          { label: t('audit.detail.sourceIp'), value: orDash(entry.sourceIp) },
          { label: t('audit.detail.event'), value: t(`audit.events.${entry.event}`) },
          { label: t('audit.detail.action'), value: orDash(entry.action) },
          { label: t('audit.detail.region'), value: orDash(entry.regionId) },
          { label: t('audit.detail.outcome'), value: <AuditOutcome outcome={entry.outcome} /> },
          { label: t('audit.detail.code'), value: entry.code ? <Box variant="code">{entry.code}</Box> : '-' },
          {
            label: t('audit.detail.requestId'),
            value: entry.requestId ? <CopyableId id={entry.requestId} /> : '-',
          },
          {
            label: t('audit.detail.resources'),
            value: <AuditResources resourceIds={entry.resourceIds} regionId={entry.regionId} copyable />,
          },
          {
            label: t('audit.detail.message'),
            value: entry.message ? <Box variant="p">{entry.message}</Box> : '-',
          },
        ]}
      />
      <SpaceBetween size="xs">
        <Box variant="h3">{t('audit.detail.params')}</Box>
        <AuditParams params={entry.params} />
      </SpaceBetween>
    </SpaceBetween>
  );
}

interface AuditEntryDetailProps {
  readonly entryId: string;
  /** The entry when it is on the page shown; otherwise it is fetched by its ID. */
  readonly loaded: StoredAuditEntry | undefined;
  readonly onClose: () => void;
}

/**
 * Every field of one entry. A modal rather than a split panel: the page lives in the shared app
 * layout, and a modal gives the keyboard and screen readers one focused place to read and leave.
 */
export function AuditEntryDetail({ entryId, loaded, onClose }: AuditEntryDetailProps) {
  const { t } = useTranslation();
  const fetched = useAuditEntry(loaded ? undefined : entryId);
  const entry = loaded ?? fetched.data;
  let content;
  if (entry) content = <EntryFields entry={entry} />;
  else if (fetched.isError) content = <ApiErrorAlert error={fetched.error} header={t('audit.detail.loadFailed')} />;
  else content = <StatusIndicator type="loading">{t('audit.detail.loading')}</StatusIndicator>;
  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      closeAriaLabel={t('audit.detail.close')}
      header={t('audit.detail.title', { id: entryId })}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onClose}>
            {t('audit.detail.close')}
          </Button>
        </Box>
      }
    >
      {content}
    </Modal>
  );
}
