import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';

export interface Notification {
  readonly id: string;
  readonly type: 'success' | 'error' | 'warning' | 'info' | 'in-progress';
  readonly header: string;
  readonly content?: ReactNode;
}

export interface NotificationActions {
  /**
   * Shows a notification, or replaces the one with the same `id` (e.g. an in-progress message by
   * its result), which then comes to the top. Returns its id. Every result stays until the user
   * dismisses it, so none is missed; in-progress messages stay until replaced.
   */
  readonly notify: (notification: Omit<Notification, 'id'> & { id?: string }) => string;
  readonly dismiss: (id: string) => void;
}

/** Older notifications beyond this are dropped, so a long session does not pile them up. */
const MAX_NOTIFICATIONS = 200;

// Two contexts: components that only post notifications do not re-render when the list changes.
export const NotificationActionsContext = createContext<NotificationActions | null>(null);
export const NotificationListContext = createContext<readonly Notification[]>([]);

let nextId = 0;

export function NotificationsProvider({ children }: { readonly children: ReactNode }) {
  const [notifications, setNotifications] = useState<readonly Notification[]>([]);

  const dismiss = useCallback((id: string) => {
    setNotifications((current) => current.filter((notification) => notification.id !== id));
  }, []);

  const notify = useCallback<NotificationActions['notify']>((notification) => {
    const id = notification.id ?? `notification-${++nextId}`;
    const item: Notification = { ...notification, id };
    // Newest first: when the notifications are stacked, only the top one shows in full, and a
    // result that replaces its in-progress message is the latest news.
    setNotifications((current) =>
      [item, ...current.filter((existing) => existing.id !== id)].slice(0, MAX_NOTIFICATIONS),
    );
    return id;
  }, []);

  const actions = useMemo(() => ({ notify, dismiss }), [notify, dismiss]);

  return (
    <NotificationActionsContext value={actions}>
      <NotificationListContext value={notifications}>{children}</NotificationListContext>
    </NotificationActionsContext>
  );
}
