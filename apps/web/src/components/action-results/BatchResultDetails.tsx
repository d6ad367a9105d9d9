import type { TFunction } from 'i18next';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '../CopyableId';
import { isOutcomeUnknown, type ItemResult } from './batch-summary';

/** One line per item, as pasted into a ticket. */
function resultLine(result: ItemResult, t: TFunction): string {
  if (result.ok) return `${result.label}\t${t('feedback.batch.accepted')}\t${result.requestId}`;
  const { code, message, requestId } = result.error;
  return `${result.label}\t${code}: ${message}\t${requestId ?? '-'}`;
}

/** The per-item outcome of a batch, folded away until asked for: each item's RequestId, or its error. */
export function BatchResultDetails({ results }: { readonly results: readonly ItemResult[] }) {
  const { t } = useTranslation();
  const report = results.map((result) => resultLine(result, t)).join('\n');
  return (
    <ExpandableSection headerText={t('feedback.batch.details', { count: results.length })}>
      <SpaceBetween size="xs">
        <ul aria-label={t('feedback.batch.detailsList')}>
          {results.map((result) => (
            <li key={result.id}>
              <Box variant="span" color="inherit" fontWeight="bold">
                {result.label}
              </Box>
              {': '}
              {result.ok ? (
                <>
                  {t('feedback.batch.accepted')} · {t('errors.requestId')}: <CopyableId id={result.requestId} />
                </>
              ) : (
                <>
                  {isOutcomeUnknown(result) ? t('feedback.batch.outcomeUnknown') : t('feedback.batch.failedItem')}{' '}
                  <Box variant="code" color="inherit">
                    {result.error.code}
                  </Box>{' '}
                  {result.error.message}
                  {result.error.requestId && (
                    <>
                      {' '}
                      · {t('errors.requestId')}: <CopyableId id={result.error.requestId} />
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        <CopyToClipboard
          variant="button"
          textToCopy={report}
          copyButtonText={t('feedback.batch.copyAll')}
          copySuccessText={t('feedback.batch.copied')}
          copyErrorText={t('copy.failure')}
        />
      </SpaceBetween>
    </ExpandableSection>
  );
}
