import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { ActionTargetList } from '@/components/ActionTargetList';

interface SnapshotTargetsProps {
  readonly snapshots: readonly SnapshotSummary[];
  /** IDs of targets the list does not show right now (another page). */
  readonly notShownIds?: ReadonlySet<string>;
}

/** The snapshots an action will act on. */
export function SnapshotTargets({ snapshots, notShownIds }: SnapshotTargetsProps) {
  const { t } = useTranslation();
  return (
    <ActionTargetList
      targets={snapshots.map((snapshot) => ({ id: snapshot.SnapshotId, name: snapshot.SnapshotName }))}
      notShownIds={notShownIds}
      label={t('snapshots.targets', { count: snapshots.length })}
      moreLabel={(count) => t('snapshots.moreTargets', { count })}
    />
  );
}
