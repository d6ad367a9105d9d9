import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationListContext } from './NotificationsProvider';
import { useNotifications } from './use-notifications';

/** The Flashbar with every current notification; results of many actions stack into one bar. */
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
    // In-progress items go away by themselves when their work ends.
    dismissible: type !== 'in-progress',
    dismissLabel: t('notifications.dismiss'),
    onDismiss: () => dismiss(id),
  }));
  return <Flashbar items={items} stackItems={items.length > 3} />;
}
