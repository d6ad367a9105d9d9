import type { TFunction } from 'i18next';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_QUERY_KEY } from '@/lib/session';
import { ApiErrorDetails } from '../ApiErrorAlert';
import { CopyableId } from '../CopyableId';
import { useNotifications } from '../notifications';
import { isOutcomeUnknown, summarizeBatch, type ItemResult } from './batch-summary';
import { BatchResultDetails } from './BatchResultDetails';

/** The words of one kind of action; the summary's shared words come from `feedback.batch`. */
export interface BatchTexts {
  /** While the batch runs, e.g. "Starting 10 instances…". */
  readonly running: string;
  /** The successes of a summary, e.g. "9 started". */
  readonly succeededCount: (count: number) => string;
  /** A one-item batch that succeeded, e.g. "Start requested for i-1 (web-1)". */
  readonly succeededOne: (label: string) => string;
  /** A one-item batch that failed, e.g. "Could not start i-1 (web-1)". */
  readonly failedOne: (label: string) => string;
}

export interface RunningBatch {
  /** Says how far the batch is: "4 of 10 done". */
  readonly progress: (done: number) => void;
  /** Replaces the in-progress message with the batch's one summary. */
  readonly finish: (results: readonly ItemResult[]) => void;
}

export interface BatchReporter {
  /** Shows an in-progress message for a batch of `total` items. */
  readonly start: (texts: BatchTexts, total: number) => RunningBatch;
  /** Reports a finished batch at once. */
  readonly report: (texts: BatchTexts, results: readonly ItemResult[]) => void;
}

/** Most error codes named in a summary's header; the details list them all. */
const CODES_IN_HEADER = 3;

/**
 * The one way the console reports the results of an action on several resources: one message per
 * batch ("9 started, 1 failed: InstanceExpired") with each item's RequestId or error on demand,
 * a warning for outcomes unknown (504 `OutcomeUnknown`), and one concise message for one item.
 * A 401 among the results means the session ended: the session is read again, which leads to the
 * login page.
 */
export function useReportBatch(): BatchReporter {
  const { t } = useTranslation();
  const { notify } = useNotifications();
  const queryClient = useQueryClient();

  const finish = useCallback(
    (id: string | undefined, texts: BatchTexts, results: readonly ItemResult[]) => {
      if (results.some((result) => !result.ok && result.error.status === 401)) {
        void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      }
      const summary = summarizeBatch(results);
      const only = results.length === 1 ? results[0] : undefined;
      if (only) {
        notify({ id, type: summary.type, ...oneItemMessage(only, texts, t) });
        return;
      }
      const codes = summary.failureCodes.slice(0, CODES_IN_HEADER).join(', ');
      const parts = [
        summary.succeeded > 0 ? texts.succeededCount(summary.succeeded) : undefined,
        summary.failed > 0
          ? t('feedback.batch.failed', {
              count: summary.failed,
              codes: summary.failureCodes.length > CODES_IN_HEADER ? `${codes}, …` : codes,
            })
          : undefined,
        summary.unknown > 0 ? t('feedback.batch.unknown', { count: summary.unknown }) : undefined,
      ];
      notify({
        id,
        type: summary.type,
        header: parts.filter((part) => part !== undefined).join(', '),
        content: (
          <SpaceBetween size="xxs">
            {summary.unknown > 0 && (
              <Box variant="p" color="inherit">
                {t('feedback.batch.unknownHint')}
              </Box>
            )}
            <BatchResultDetails results={summary.ordered} />
          </SpaceBetween>
        ),
      });
    },
    [notify, queryClient, t],
  );

  return useMemo(
    () => ({
      start: (texts, total) => {
        const id = notify({ type: 'in-progress', header: texts.running });
        return {
          progress: (done) =>
            notify({
              id,
              type: 'in-progress',
              header: texts.running,
              content: total > 1 ? t('feedback.batch.progress', { done, total }) : undefined,
            }),
          finish: (results) => finish(id, texts, results),
        };
      },
      report: (texts, results) => finish(undefined, texts, results),
    }),
    [finish, notify, t],
  );
}

function oneItemMessage(result: ItemResult, texts: BatchTexts, t: TFunction): { header: string; content: ReactNode } {
  if (result.ok) {
    return {
      header: texts.succeededOne(result.label),
      content: (
        <Box variant="small" color="inherit">
          {t('errors.requestId')}: <CopyableId id={result.requestId} />
        </Box>
      ),
    };
  }
  if (isOutcomeUnknown(result)) {
    return {
      header: t('feedback.batch.unknownOne', { label: result.label }),
      content: (
        <SpaceBetween size="xxs">
          <Box variant="p" color="inherit">
            {t('feedback.batch.unknownHint')}
          </Box>
          <ApiErrorDetails error={result.error} />
        </SpaceBetween>
      ),
    };
  }
  return { header: texts.failedOne(result.label), content: <ApiErrorDetails error={result.error} /> };
}
