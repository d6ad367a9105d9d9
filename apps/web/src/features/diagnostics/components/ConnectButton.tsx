import Button from '@cloudscape-design/components/button';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';
import { connectAvailability } from '../logic/diagnostics';

interface ConnectButtonProps {
  /** ECS statuses of the selected instances: Connect needs exactly one, Running. */
  readonly statuses: readonly string[];
  /** Opens the instance's Console tab. */
  readonly onConnect: () => void;
}

/** Connect, in the list's and the detail page's actions; says why when it is not available. */
export function ConnectButton({ statuses, onConnect }: ConnectButtonProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const availability = connectAvailability(statuses, user.role);
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
