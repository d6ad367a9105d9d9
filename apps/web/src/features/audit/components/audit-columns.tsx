import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import type { ResourceListColumn } from '@/components/resource-list';
import { useLocale } from '@/lib/i18n';
import type { StoredAuditEntry } from '@ecs-console/contract';
import type { AuditColumnId } from '../logic/audit-preferences';
import { formatAuditTime, formatRelativeTime, type AuditTimeZone } from '../logic/audit-time';
import { AuditOutcome } from './AuditOutcome';
import { AuditResources } from './AuditResources';

interface AuditColumnsOptions {
  readonly timeZone: AuditTimeZone;
  /** When the page was loaded: the relative hints count from it. */
  readonly now: number;
  readonly entryHref: (id: string) => string;
  readonly onOpen: (id: string) => void;
}

export type AuditColumn = ResourceListColumn<StoredAuditEntry> & { readonly id: AuditColumnId };

/** The audit table's columns. Codes and IDs are never cut: the table wraps its lines. */
export function useAuditColumns({ timeZone, now, entryHref, onOpen }: AuditColumnsOptions): readonly AuditColumn[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(
    (): AuditColumn[] => [
      {
        id: 'time',
        header: t('audit.columns.time'),
        isRowHeader: true,
        minWidth: 250,
        cell: (entry) => (
          <>
            <Link
              href={entryHref(entry.id)}
              onFollow={(event) => {
                // A plain click opens the detail here; a new tab opens the page with it open.
                event.preventDefault();
                onOpen(entry.id);
              }}
            >
              <span style={{ whiteSpace: 'nowrap' }}>{formatAuditTime(entry.time, timeZone)}</span>
            </Link>
            <Box variant="small" display="block" color="text-body-secondary">
              {formatRelativeTime(entry.time, now, locale)}
            </Box>
          </>
        ),
      },
      { id: 'user', header: t('audit.columns.user'), cell: (entry) => entry.user },
      {
        id: 'role',
        header: t('audit.columns.role'),
        cell: (entry) => (entry.role ? t(`roles.${entry.role}`) : '-'),
      },
      { id: 'event', header: t('audit.columns.event'), cell: (entry) => t(`audit.events.${entry.event}`) },
      {
        id: 'action',
        header: t('audit.columns.action'),
        // Sign-ins and sign-outs have no action name: the event says what happened.
        cell: (entry) => entry.action ?? t(`audit.events.${entry.event}`),
      },
      { id: 'region', header: t('audit.columns.region'), cell: (entry) => entry.regionId ?? '-' },
      {
        id: 'resources',
        minWidth: 210,
        header: t('audit.columns.resources'),
        cell: (entry) => <AuditResources resourceIds={entry.resourceIds} regionId={entry.regionId} />,
      },
      {
        id: 'outcome',
        // "Succeeded" with its icon on one line.
        minWidth: 150,
        header: t('audit.columns.outcome'),
        cell: (entry) => <AuditOutcome outcome={entry.outcome} />,
      },
      {
        id: 'code',
        header: t('audit.columns.code'),
        cell: (entry) => (entry.code ? <Box variant="code">{entry.code}</Box> : '-'),
      },
      {
        id: 'requestId',
        header: t('audit.columns.requestId'),
        cell: (entry) => (entry.requestId ? <CopyableId id={entry.requestId} /> : '-'),
      },
      { id: 'sourceIp', header: t('audit.columns.sourceIp'), cell: (entry) => entry.sourceIp ?? '-' },
    ],
    [t, locale, timeZone, now, entryHref, onOpen],
  );
}
