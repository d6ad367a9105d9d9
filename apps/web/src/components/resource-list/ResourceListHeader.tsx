import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import styles from './resource-list.module.css';

interface ResourceListHeaderProps {
  readonly title: string;
  readonly refreshLabel: string;
  /** Undefined until data loaded: nothing is counted that did not load. */
  readonly totalCount: number | undefined;
  readonly selectedCount: number;
  readonly notShownCount: number;
  readonly updatedAt: number;
  /** The last refresh failed: the rows shown are as of `updatedAt`. */
  readonly stale: boolean;
  readonly summary?: ReactNode;
  readonly actions?: ReactNode;
  readonly onRefresh: () => Promise<unknown>;
  /** Undefined: no export; null: nothing to export. */
  readonly onExport?: (() => void) | null;
}

/** Heading with the count, what is selected (and where), how fresh the rows are, Refresh and the actions. */
export function ResourceListHeader({
  title,
  refreshLabel,
  totalCount,
  selectedCount,
  notShownCount,
  updatedAt,
  stale,
  summary,
  actions,
  onRefresh,
  onExport,
}: ResourceListHeaderProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Only a click shows the button busy; the automatic refreshes happen quietly.
  const [refreshing, setRefreshing] = useState(false);

  let counter: string | undefined;
  if (totalCount !== undefined) {
    const total = formatCount(totalCount, locale);
    counter = selectedCount > 0 ? `(${formatCount(selectedCount, locale)}/${total})` : `(${total})`;
  }
  const time = updatedAt > 0 ? formatTime(updatedAt, locale) : undefined;

  return (
    <Header
      variant="h1"
      counter={counter}
      description={
        <span className={styles['inline-group']}>
          {summary}
          {selectedCount > 0 && (
            <Box variant="small" color="text-body-secondary">
              {notShownCount > 0
                ? t('resourceList.selection.someNotShown', {
                    selected: formatCount(selectedCount, locale),
                    notShown: formatCount(notShownCount, locale),
                  })
                : t('resourceList.selection.selected', { selected: formatCount(selectedCount, locale) })}
            </Box>
          )}
          {time &&
            (stale ? (
              <StatusIndicator type="warning">{t('resourceList.staleSince', { time })}</StatusIndicator>
            ) : (
              <Box variant="small" color="text-body-secondary">
                {t('resourceList.updatedAt', { time })}
              </Box>
            ))}
        </span>
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button
            iconName="refresh"
            ariaLabel={refreshLabel}
            loading={refreshing}
            onClick={() => {
              setRefreshing(true);
              void onRefresh().finally(() => setRefreshing(false));
            }}
          />
          {onExport !== undefined && (
            <Button iconName="download" disabled={onExport === null} onClick={() => onExport?.()}>
              {t('resourceList.exportCsv')}
            </Button>
          )}
          {actions}
        </SpaceBetween>
      }
    >
      {title}
    </Header>
  );
}
