import { useCallback, useEffect, useRef } from 'react';
import { ApiErrorDetails } from '../ApiErrorAlert';
import { useNotifications } from './use-notifications';

/**
 * For a form's request: a failure the dialog can no longer show (the user closed it while the
 * request ran) is reported in a notification instead, with ECS's code, message and RequestId.
 */
export function useFailureAfterClose(header: string): (error: unknown) => void {
  const { notify } = useNotifications();
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  return useCallback(
    (error: unknown) => {
      if (!open.current) notify({ type: 'error', header, content: <ApiErrorDetails error={error} /> });
    },
    [header, notify],
  );
}
