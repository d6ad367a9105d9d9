import { useContext } from 'react';
import { NotificationActionsContext, type NotificationActions } from './NotificationsProvider';

export function useNotifications(): NotificationActions {
  const actions = useContext(NotificationActionsContext);
  if (!actions) throw new Error('useNotifications must be used inside <NotificationsProvider>');
  return actions;
}
