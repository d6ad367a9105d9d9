import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationListContext } from './NotificationsProvider';
import { useNotifications } from './use-notifications';

/**
 * The Flashbar with every current notification; more than three stack into one bar. While the
 * pointer or the keyboard focus is on it, success messages wait, so a RequestId can be copied.
 */
export function Notifications() {
  const { t } = useTranslation();
  const notifications = useContext(NotificationListContext);
  const { dismiss, hold } = useNotifications();

  const items = notifications.map(({ id, type, header, content }): FlashbarProps.MessageDefinition => ({
    id,
    type,
    header,
    content,
    loading: type === 'in-progress',
    // Screen readers announce each new message: errors at once, the rest when the reader is idle.
    ariaRole: type === 'error' ? 'alert' : 'status',
    // In-progress items go away by themselves when their work ends.
    dismissible: type !== 'in-progress',
    dismissLabel: t('notifications.dismiss'),
    onDismiss: () => dismiss(id),
  }));
  return (
    <div
      onPointerEnter={() => hold(true)}
      onPointerLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hold(false);
      }}
    >
      <Flashbar items={items} stackItems={items.length > 3} />
    </div>
  );
}
