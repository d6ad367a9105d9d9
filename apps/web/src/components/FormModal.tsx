import Box from '@cloudscape-design/components/box';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
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

const TEXT_FIELDS = 'input:enabled:not([type=checkbox]):not([type=radio]), textarea:enabled';

/** Enter on a checkbox or radio button submits, as it does in a text field. */
function submitOnEnterInChoice(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
  if (target.type !== 'checkbox' && target.type !== 'radio') return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/**
 * The frame of every form dialog of the console (user forms, confirmations of instance actions,
 * typed confirmations): a form that Enter submits, with Cancel and a primary button. Render it only
 * while it is open, so its fields start empty each time.
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
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<ButtonProps.Ref>(null);
  // The modal's focus trap focuses its first element (the close button), where Enter would cancel.
  // A frame later, focus moves to the form's first text field, or else to the primary button, so
  // Enter confirms (e.g. a stop or reboot) unless the user has moved on already.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      if (!form || form.contains(document.activeElement)) return;
      const field = form.querySelector<HTMLElement>(TEXT_FIELDS);
      if (field) field.focus();
      else submitRef.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
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
            <Button
              ref={submitRef}
              variant="primary"
              formAction="submit"
              form={formId}
              loading={submitting}
              disabled={submitDisabled}
            >
              {submitText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        id={formId}
        ref={formRef}
        noValidate
        onKeyDown={submitOnEnterInChoice}
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
