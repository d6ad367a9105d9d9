import ProgressBar from '@cloudscape-design/components/progress-bar';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';

/** ECS's `"45%"` as a number from 0 to 100 (0 when it is not a percentage). */
export function progressPercent(progress: string): number {
  const value = Number.parseInt(progress, 10);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** A snapshot's state: a progress bar with the time left while it is taken, then done or failed. */
export function DiskDetailSnapshotProgress({ snapshot }: { readonly snapshot: SnapshotSummary }) {
  const { t } = useTranslation();
  if (snapshot.Status === 'accomplished') {
    return <StatusIndicator type="success">{t('disks.detail.snapshots.accomplished')}</StatusIndicator>;
  }
  if (snapshot.Status === 'failed') {
    return <StatusIndicator type="error">{t('disks.detail.snapshots.failed')}</StatusIndicator>;
  }
  const remaining = snapshot.RemainTime;
  return (
    <ProgressBar
      value={progressPercent(snapshot.Progress)}
      ariaLabel={t('disks.detail.snapshots.progressLabel', { snapshot: snapshot.SnapshotId })}
      additionalInfo={remaining ? t('disks.detail.snapshots.remaining', { count: remaining }) : undefined}
    />
  );
}
