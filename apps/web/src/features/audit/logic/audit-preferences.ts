import { listPreferences, type TablePreferences } from '@/components/resource-list';
import type { AuditTimeZone } from './audit-time';

/**
 * The audit table's preferences, kept per user: the resource lists' column display, wrapping and
 * stripes, plus its own page sizes (the API's pages) and whether times show in UTC.
 */

export const AUDIT_COLUMN_IDS = [
  'time',
  'user',
  'role',
  'event',
  'action',
  'region',
  'resources',
  'outcome',
  'code',
  'requestId',
  'sourceIp',
] as const;
export type AuditColumnId = (typeof AUDIT_COLUMN_IDS)[number];

export const AUDIT_PAGE_SIZES = [25, 50, 100, 200] as const;

export interface AuditPreferences extends TablePreferences<AuditColumnId> {
  readonly timeZone: AuditTimeZone;
}

const COLUMNS = listPreferences<AuditColumnId>({
  columns: AUDIT_COLUMN_IDS,
  // Shown in each entry's detail, the CSV and the preferences; the table keeps to what fits at 1440
  // pixels without a sideways scroll (a RequestId alone is 36 characters that must not break).
  hiddenByDefault: ['region', 'role', 'event', 'requestId', 'sourceIp'],
});

export const DEFAULT_AUDIT_PREFERENCES: AuditPreferences = {
  ...COLUMNS.defaults,
  // Codes and messages are read whole, never cut.
  wrapLines: true,
  timeZone: 'local',
};

export function parseAuditPreferences(stored: unknown): AuditPreferences {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_AUDIT_PREFERENCES;
  const value = stored as Partial<Record<keyof AuditPreferences, unknown>>;
  const columns = COLUMNS.parse(stored);
  return {
    ...columns,
    wrapLines: typeof value.wrapLines === 'boolean' ? value.wrapLines : DEFAULT_AUDIT_PREFERENCES.wrapLines,
    pageSize: (AUDIT_PAGE_SIZES as readonly unknown[]).includes(value.pageSize)
      ? (value.pageSize as number)
      : DEFAULT_AUDIT_PREFERENCES.pageSize,
    timeZone: value.timeZone === 'utc' ? 'utc' : 'local',
  };
}
