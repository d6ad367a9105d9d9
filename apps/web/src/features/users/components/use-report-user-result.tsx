import { useCallback } from 'react';
import { ApiErrorDetails } from '@/components/ApiErrorAlert';
import { useNotifications } from '@/components/notifications';

/** Posts the outcome of a user change to the Flashbar: a success header, or the error's code, message and RequestId. */
export function useReportUserResult() {
  const { notify } = useNotifications();
  return {
    succeeded: useCallback((header: string) => notify({ type: 'success', header }), [notify]),
    failed: useCallback(
      (header: string, error: unknown) => notify({ type: 'error', header, content: <ApiErrorDetails error={error} /> }),
      [notify],
    ),
  };
}
