import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  readonly header: string;
  readonly submitText: string;
  /** Shows the primary button as loading and ignores further submits. */
  readonly submitting?: boolean;
  readonly submitDisabled?: boolean;
  readonly onSubmit: () => void;
  readonly onDismiss: () => void;
  readonly children: ReactNode;
}

/**
 * The frame of the console's form dialogs: a form that Enter submits, with Cancel and a primary
 * button. Render it only while it is open, so its fields start empty each time.
 */
export function FormModal({
  header,
  submitText,
  submitting = false,
  submitDisabled = false,
  onSubmit,
  onDismiss,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <Modal
      visible
      header={header}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" formAction="submit" form={formId} loading={submitting} disabled={submitDisabled}>
              {submitText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!submitting && !submitDisabled) onSubmit();
        }}
      >
        <SpaceBetween size="m">{children}</SpaceBetween>
      </form>
    </Modal>
  );
}
