import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstanceSummary } from '@ecs-console/contract';
import { ActionTargetList } from '@/components/ActionTargetList';

interface ActionTargetsProps {
  readonly instances: readonly InstanceSummary[];
  /** Targets the list does not show right now (another page, or hidden by the filter). */
  readonly notShown?: readonly InstanceSummary[];
}

/** The instances an action will act on. */
export function ActionTargets({ instances, notShown = [] }: ActionTargetsProps) {
  const { t } = useTranslation();
  const notShownIds = useMemo(() => new Set(notShown.map((instance) => instance.InstanceId)), [notShown]);
  return (
    <ActionTargetList
      targets={instances.map((instance) => ({ id: instance.InstanceId, name: instance.InstanceName }))}
      notShownIds={notShownIds}
      label={t('actions.targets', { count: instances.length })}
      moreLabel={(count) => t('actions.moreTargets', { count })}
    />
  );
}
