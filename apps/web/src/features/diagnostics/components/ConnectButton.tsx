import Button from '@cloudscape-design/components/button';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentSession } from '@/lib/session';
import { CONSOLE_TAB_ID, DETAIL_TAB_PARAM } from '../logic/console-tab';
import { connectAvailability } from '../logic/diagnostics';

interface ConnectButtonProps {
  /** ECS statuses of the selected instances: Connect needs exactly one, Running. */
  readonly statuses: readonly string[];
  /** Opens the instance's Console tab. */
  readonly onConnect: () => void;
}

/**
 * Connect, in the list's and the detail page's actions; says why when it is not available. It leads
 * to the instance's Console tab, so on that tab it is not shown: the tab's own Connect is the one.
 */
export function ConnectButton({ statuses, onConnect }: ConnectButtonProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const { instanceId } = useParams();
  const [searchParams] = useSearchParams();
  const availability = connectAvailability(statuses, user.role);
  if (instanceId !== undefined && searchParams.get(DETAIL_TAB_PARAM) === CONSOLE_TAB_ID) return null;
  return (
    <Button
      iconName="script"
      disabled={!availability.enabled}
      disabledReason={availability.enabled ? undefined : t(`diagnostics.connect.disabledReason.${availability.reason}`)}
      onClick={onConnect}
    >
      {t('diagnostics.connect.button')}
    </Button>
  );
}
