import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notification {
  readonly id: string;
  readonly type: 'success' | 'error' | 'warning' | 'info' | 'in-progress';
  readonly header: string;
  readonly content?: ReactNode;
}

export interface NotificationActions {
  /**
   * Shows a notification, or replaces the one with the same `id` (e.g. an in-progress message by
   * its result). Returns its id. Success messages go away by themselves after a few seconds;
   * errors, warnings and information stay until dismissed, in-progress ones until replaced.
   */
  readonly notify: (notification: Omit<Notification, 'id'> & { id?: string }) => string;
  readonly dismiss: (id: string) => void;
  /** While held (the pointer or focus is on the notifications), nothing dismisses itself. */
  readonly hold: (held: boolean) => void;
}

/** Older notifications beyond this are dropped, so a long session does not pile them up. */
const MAX_NOTIFICATIONS = 200;
/** How long a success message stays: long enough to read a line, short enough not to pile up. */
export const SUCCESS_DISMISS_MS = 5_000;

// Two contexts: components that only post notifications do not re-render when the list changes.
export const NotificationActionsContext = createContext<NotificationActions | null>(null);
export const NotificationListContext = createContext<readonly Notification[]>([]);

let nextId = 0;

export function NotificationsProvider({ children }: { readonly children: ReactNode }) {
  const [notifications, setNotifications] = useState<readonly Notification[]>([]);
  // Timers of the success messages still on screen, by id.
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const held = useRef(false);

  const dismiss = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setNotifications((current) => current.filter((notification) => notification.id !== id));
  }, []);

  const scheduleDismiss = useCallback(
    (id: string) => {
      const previous = timers.current.get(id);
      if (previous !== undefined) clearTimeout(previous);
      timers.current.set(
        id,
        setTimeout(() => {
          if (held.current) return;
          dismiss(id);
        }, SUCCESS_DISMISS_MS),
      );
    },
    [dismiss],
  );

  const notify = useCallback<NotificationActions['notify']>(
    (notification) => {
      const id = notification.id ?? `notification-${++nextId}`;
      const item: Notification = { ...notification, id };
      setNotifications((current) => {
        const index = current.findIndex((existing) => existing.id === id);
        if (index >= 0) return current.with(index, item);
        return [item, ...current].slice(0, MAX_NOTIFICATIONS);
      });
      if (item.type === 'success') {
        scheduleDismiss(id);
      } else {
        // Replaced by something that must stay: its earlier timer no longer applies.
        const timer = timers.current.get(id);
        if (timer !== undefined) clearTimeout(timer);
        timers.current.delete(id);
      }
      return id;
    },
    [scheduleDismiss],
  );

  const hold = useCallback(
    (value: boolean) => {
      if (held.current === value) return;
      held.current = value;
      if (value) {
        for (const timer of timers.current.values()) clearTimeout(timer);
      } else {
        // Released: each waiting success message gets its full time again, to be read.
        for (const id of [...timers.current.keys()]) scheduleDismiss(id);
      }
    },
    [scheduleDismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const actions = useMemo(() => ({ notify, dismiss, hold }), [notify, dismiss, hold]);

  return (
    <NotificationActionsContext value={actions}>
      <NotificationListContext value={notifications}>{children}</NotificationListContext>
    </NotificationActionsContext>
  );
}
