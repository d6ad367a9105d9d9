import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { DiskSummary } from '@ecs-console/contract';

/** Long selections are cut here; the count says how many more there are. */
const SHOWN = 10;

interface DiskActionTargetsProps {
  readonly disks: readonly DiskSummary[];
  /** IDs of targets the list does not show right now (another page, or hidden by the filter). */
  readonly notShownIds?: ReadonlySet<string>;
}

/**
 * The disks an action will act on (with the instance each is on), so nobody confirms without seeing
 * them; those not shown in the list are said first and listed first.
 */
export function DiskActionTargets({ disks, notShownIds }: DiskActionTargetsProps) {
  const { t } = useTranslation();
  const hidden = disks.filter((disk) => notShownIds?.has(disk.DiskId));
  const isHidden = (disk: DiskSummary) => notShownIds?.has(disk.DiskId) ?? false;
  const ordered = [...hidden, ...disks.filter((disk) => !isHidden(disk))];
  return (
    <SpaceBetween size="xs">
      {hidden.length > 0 && (
        <Alert type="warning">{t('feedback.notShown.summary', { count: hidden.length, total: disks.length })}</Alert>
      )}
      <Box>
        <ul aria-label={t('disks.actions.targets', { count: disks.length })}>
          {ordered.slice(0, SHOWN).map((disk) => (
            <li key={disk.DiskId}>
              <Box variant="code">{disk.DiskId}</Box> {disk.DiskName}
              {disk.InstanceId && (
                <Box variant="small" display="inline">
                  {' '}
                  {t('disks.actions.onInstance', { instance: disk.InstanceId })}
                </Box>
              )}
              {isHidden(disk) && (
                <Box variant="small" color="text-status-warning" display="inline">
                  {' '}
                  {t('feedback.notShown.item')}
                </Box>
              )}
            </li>
          ))}
        </ul>
        {disks.length > SHOWN && (
          <Box variant="small">{t('disks.actions.moreTargets', { count: disks.length - SHOWN })}</Box>
        )}
      </Box>
    </SpaceBetween>
  );
}
