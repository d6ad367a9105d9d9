import Box from '@cloudscape-design/components/box';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorDetails } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { useNotifications } from '@/components/notifications';
import { useInstanceActionsMutation, type InstanceActionResult } from '../api/instance-actions';
import type { ActionRequest } from '../logic/action-requests';
import type { Instance } from '../types';

function instanceLabel(instance: Instance): string {
  return instance.InstanceName ? `${instance.InstanceId} (${instance.InstanceName})` : instance.InstanceId;
}

/**
 * Runs an action on instances and reports it in the Flashbar: one in-progress message while the
 * batch runs, then one message per instance with ECS's RequestId, or its error code and message.
 */
export function useRunInstanceAction(): (request: ActionRequest, instances: readonly Instance[]) => void {
  const { t } = useTranslation();
  const { notify, dismiss } = useNotifications();

  const reportResult = useCallback(
    (request: ActionRequest, result: InstanceActionResult) => {
      const instance = instanceLabel(result.instance);
      if (result.ok) {
        notify({
          type: 'success',
          header: t(`actions.${request.action}.succeeded`, { instance }),
          content: (
            <Box variant="small" color="inherit">
              {t('errors.requestId')}: <CopyableId id={result.requestId} />
            </Box>
          ),
        });
      } else {
        notify({
          type: 'error',
          header: t(`actions.${request.action}.failed`, { instance }),
          content: <ApiErrorDetails error={result.error} />,
        });
      }
    },
    [notify, t],
  );

  const { mutate } = useInstanceActionsMutation({
    onStart: ({ request, instances }) =>
      notify({ type: 'in-progress', header: t(`actions.${request.action}.running`, { count: instances.length }) }),
    onDone: ({ request }, results, progressId) => {
      dismiss(progressId);
      for (const result of results) reportResult(request, result);
    },
  });

  return useCallback(
    (request: ActionRequest, instances: readonly Instance[]) => mutate({ request, instances }),
    [mutate],
  );
}
