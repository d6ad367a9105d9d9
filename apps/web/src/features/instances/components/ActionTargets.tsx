import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import type { InstanceSummary } from '@ecs-console/contract';

/** Long selections are cut here; the count says how many more there are. */
const SHOWN = 10;

/** The instances an action will act on, so nobody confirms without seeing them. */
export function ActionTargets({ instances }: { readonly instances: readonly InstanceSummary[] }) {
  const { t } = useTranslation();
  const shown = instances.slice(0, SHOWN);
  return (
    <Box>
      <ul aria-label={t('actions.targets', { count: instances.length })}>
        {shown.map((instance) => (
          <li key={instance.InstanceId}>
            <Box variant="code">{instance.InstanceId}</Box> {instance.InstanceName}
          </li>
        ))}
      </ul>
      {instances.length > SHOWN && (
        <Box variant="small">{t('actions.moreTargets', { count: instances.length - SHOWN })}</Box>
      )}
    </Box>
  );
}
