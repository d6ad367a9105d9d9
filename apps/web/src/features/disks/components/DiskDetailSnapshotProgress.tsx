import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { SnapshotProgress } from '@/components/SnapshotProgress';

/** A snapshot's state on the disk page (which has no status column): its progress, then done or failed. */
export function DiskDetailSnapshotProgress({ snapshot }: { readonly snapshot: SnapshotSummary }) {
  const { t } = useTranslation();
  if (snapshot.Status === 'accomplished') {
    return <StatusIndicator type="success">{t('disks.detail.snapshots.accomplished')}</StatusIndicator>;
  }
  if (snapshot.Status === 'failed') {
    return <StatusIndicator type="error">{t('disks.detail.snapshots.failed')}</StatusIndicator>;
  }
  return <SnapshotProgress snapshot={snapshot} />;
}
