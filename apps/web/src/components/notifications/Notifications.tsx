import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationListContext } from './NotificationsProvider';
import { useNotifications } from './use-notifications';

/** Up to this many show one under another; more would push the page down. */
const STACK_ABOVE = 3;

/**
 * The Flashbar with every current notification. They stay until dismissed, so beyond three they
 * stack into one bar that shows the newest and counts the rest by type (the AWS console's way).
 */
export function Notifications() {
  const { t } = useTranslation();
  const notifications = useContext(NotificationListContext);
  const { dismiss } = useNotifications();

  const items = notifications.map(({ id, type, header, content }): FlashbarProps.MessageDefinition => ({
    id,
    type,
    header,
    content,
    loading: type === 'in-progress',
    // Screen readers announce each new message: errors at once, the rest when the reader is idle.
    ariaRole: type === 'error' ? 'alert' : 'status',
    // In-progress items are replaced by their result when their work ends.
    dismissible: type !== 'in-progress',
    dismissLabel: t('notifications.dismiss'),
    onDismiss: () => dismiss(id),
  }));
  return <Flashbar items={items} stackItems={items.length > STACK_ABOVE} />;
}
