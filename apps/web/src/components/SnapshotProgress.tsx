import ProgressBar from '@cloudscape-design/components/progress-bar';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/lib/i18n';
import { formatRemaining } from '@/lib/remaining-time';
import { progressPercent } from '@/lib/snapshot-progress';

type ShownSnapshot = Pick<SnapshotSummary, 'SnapshotId' | 'Status' | 'Progress' | 'RemainTime'>;

/**
 * How far a progressing snapshot is, with ECS's estimate of the time left; nothing once it is done
 * (the status says that). The list polls progressing snapshots, so the bar moves by itself.
 */
export function SnapshotProgress({ snapshot }: { readonly snapshot: ShownSnapshot }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (snapshot.Status !== 'progressing') return <>-</>;
  const remaining = snapshot.RemainTime;
  return (
    <ProgressBar
      value={progressPercent(snapshot)}
      ariaLabel={t('snapshots.progress.label', { id: snapshot.SnapshotId })}
      additionalInfo={
        remaining !== undefined && remaining > 0
          ? t('snapshots.progress.remaining', { time: formatRemaining(remaining, locale) })
          : t('snapshots.progress.remainingUnknown')
      }
    />
  );
}
