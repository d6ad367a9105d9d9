import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import type { InstanceSummary } from '@ecs-console/contract';

/** Long selections are cut here; the count says how many more there are. */
const SHOWN = 10;

interface ActionTargetsProps {
  readonly instances: readonly InstanceSummary[];
  /** Targets the list does not show right now (another page, or hidden by the filter). */
  readonly notShown?: readonly InstanceSummary[];
}

/**
 * The instances an action will act on, so nobody confirms without seeing them; those not shown in
 * the list are said first and listed first, as they are the ones the user may not expect.
 */
export function ActionTargets({ instances, notShown = [] }: ActionTargetsProps) {
  const { t } = useTranslation();
  const hidden = new Set(notShown.map((instance) => instance.InstanceId));
  const ordered = [
    ...instances.filter((instance) => hidden.has(instance.InstanceId)),
    ...instances.filter((instance) => !hidden.has(instance.InstanceId)),
  ];
  const shown = ordered.slice(0, SHOWN);
  return (
    <SpaceBetween size="xs">
      {hidden.size > 0 && (
        <Alert type="warning">{t('feedback.notShown.summary', { count: hidden.size, total: instances.length })}</Alert>
      )}
      <Box>
        <ul aria-label={t('actions.targets', { count: instances.length })}>
          {shown.map((instance) => (
            <li key={instance.InstanceId}>
              <Box variant="code">{instance.InstanceId}</Box> {instance.InstanceName}
              {hidden.has(instance.InstanceId) && (
                <Box variant="small" color="text-status-warning" display="inline">
                  {' '}
                  {t('feedback.notShown.item')}
                </Box>
              )}
            </li>
          ))}
        </ul>
        {instances.length > SHOWN && (
          <Box variant="small">{t('actions.moreTargets', { count: instances.length - SHOWN })}</Box>
        )}
      </Box>
    </SpaceBetween>
  );
}
