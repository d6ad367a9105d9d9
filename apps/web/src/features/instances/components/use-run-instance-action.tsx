import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { BffErrorCode } from '@ecs-console/contract';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorDetails } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { useNotifications } from '@/components/notifications';
import { useInstanceActionsMutation, type InstanceActionResult } from '../api/instance-actions';
import type { ActionRequest } from '../logic/action-requests';
import type { InstanceSummary } from '@ecs-console/contract';

const OUTCOME_UNKNOWN: BffErrorCode = 'OutcomeUnknown';

function instanceLabel(instance: InstanceSummary): string {
  return instance.InstanceName ? `${instance.InstanceId} (${instance.InstanceName})` : instance.InstanceId;
}

/**
 * Runs an action on instances and reports it in the Flashbar: one in-progress message while the
 * batch runs, then one message per instance with ECS's RequestId, or its error code and message, or
 * a warning when the outcome is unknown (`OutcomeUnknown`, 504).
 */
export function useRunInstanceAction(): (request: ActionRequest, instances: readonly InstanceSummary[]) => void {
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
      } else if (result.error.code === OUTCOME_UNKNOWN) {
        // The request reached ECS but its answer was lost: it may have been applied.
        notify({
          type: 'warning',
          header: t('actions.outcomeUnknown.header', { instance }),
          content: (
            <SpaceBetween size="xxs">
              <Box variant="p" color="inherit">
                {t('actions.outcomeUnknown.body')}
              </Box>
              <ApiErrorDetails error={result.error} />
            </SpaceBetween>
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
    (request: ActionRequest, instances: readonly InstanceSummary[]) => mutate({ request, instances }),
    [mutate],
  );
}
