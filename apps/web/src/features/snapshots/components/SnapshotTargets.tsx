import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SnapshotSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';

/** Long selections are cut here; the count says how many more there are. */
const SHOWN = 10;

interface SnapshotTargetsProps {
  readonly snapshots: readonly SnapshotSummary[];
  /** IDs of targets the list does not show right now (another page). */
  readonly notShownIds?: ReadonlySet<string>;
}

/**
 * The snapshots an action will act on, so nobody confirms without seeing them; those not shown in
 * the list come first, as they are the ones the user may not expect.
 */
export function SnapshotTargets({ snapshots, notShownIds }: SnapshotTargetsProps) {
  const { t } = useTranslation();
  const hidden = (snapshot: SnapshotSummary) => notShownIds?.has(snapshot.SnapshotId) ?? false;
  const hiddenCount = snapshots.filter(hidden).length;
  const ordered = [...snapshots.filter(hidden), ...snapshots.filter((snapshot) => !hidden(snapshot))];
  return (
    <SpaceBetween size="xs">
      {hiddenCount > 0 && <Alert type="warning">{t('feedback.notShown.summary', { count: hiddenCount })}</Alert>}
      <Box>
        <ul aria-label={t('snapshots.targets', { count: snapshots.length })}>
          {ordered.slice(0, SHOWN).map((snapshot) => (
            <li key={snapshot.SnapshotId}>
              <Box variant="code">{snapshot.SnapshotId}</Box> {snapshot.SnapshotName}
              {hidden(snapshot) && (
                <Box variant="small" color="text-status-warning" display="inline">
                  {' '}
                  {t('feedback.notShown.item')}
                </Box>
              )}
            </li>
          ))}
        </ul>
        {snapshots.length > SHOWN && (
          <Box variant="small">{t('snapshots.moreTargets', { count: snapshots.length - SHOWN })}</Box>
        )}
      </Box>
    </SpaceBetween>
  );
}
