export { Notifications } from './Notifications';
export { NotificationsProvider, type Notification, type NotificationActions } from './NotificationsProvider';
export { useNotifications } from './use-notifications';
export { useConsoleWarningNotifications } from './use-console-warnings';
export { useFailureAfterClose } from './use-failure-after-close';
