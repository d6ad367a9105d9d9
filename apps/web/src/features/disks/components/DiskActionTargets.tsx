import { useTranslation } from 'react-i18next';
import type { DiskSummary } from '@ecs-console/contract';
import { ActionTargetList } from '@/components/ActionTargetList';

interface DiskActionTargetsProps {
  readonly disks: readonly DiskSummary[];
  /** IDs of targets the list does not show right now (another page, or hidden by the filter). */
  readonly notShownIds?: ReadonlySet<string>;
}

/** The disks an action will act on, with the instance each is on. */
export function DiskActionTargets({ disks, notShownIds }: DiskActionTargetsProps) {
  const { t } = useTranslation();
  return (
    <ActionTargetList
      targets={disks.map((disk) => ({
        id: disk.DiskId,
        name: disk.DiskName,
        detail: disk.InstanceId ? t('disks.actions.onInstance', { instance: disk.InstanceId }) : undefined,
      }))}
      notShownIds={notShownIds}
      label={t('disks.actions.targets', { count: disks.length })}
      moreLabel={(count) => t('disks.actions.moreTargets', { count })}
    />
  );
}
