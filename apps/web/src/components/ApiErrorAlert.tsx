import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isClientErrorCode, toApiError } from '@/lib/api-client';
import { CopyableId } from './CopyableId';

/**
 * What went wrong, as ops staff need it to act or to open a ticket: ECS's (or the BFF's) message,
 * its error code and the RequestId.
 */
export function ApiErrorDetails({ error }: { readonly error: unknown }) {
  const { t } = useTranslation();
  const { code, message, requestId } = toApiError(error);
  return (
    <SpaceBetween size="xxs">
      <Box variant="p" color="inherit">
        {isClientErrorCode(code) ? t(`errors.client.${code}`, { detail: message }) : message}
      </Box>
      <Box variant="small" color="inherit">
        {t('errors.code')}:{' '}
        <Box variant="code" color="inherit">
          {code}
        </Box>
      </Box>
      {requestId && (
        <Box variant="small" color="inherit">
          {t('errors.requestId')}: <CopyableId id={requestId} />
        </Box>
      )}
    </SpaceBetween>
  );
}

interface ApiErrorAlertProps {
  readonly error: unknown;
  readonly header?: string;
  /** E.g. a retry button. */
  readonly action?: ReactNode;
}

export function ApiErrorAlert({ error, header, action }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert type="error" header={header ?? t('errors.requestFailed')} action={action}>
      <ApiErrorDetails error={error} />
    </Alert>
  );
}
