import Box from '@cloudscape-design/components/box';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useCallback, useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
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

/** Frames during which focus is put back on the form, should the modal take it to its close button. */
const FOCUS_FRAMES = 3;
const TEXT_FIELDS = 'input:not([disabled]):not([type=checkbox]):not([type=radio]), textarea:not([disabled])';

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
  const submitRef = useRef<ButtonProps.Ref>(null);
  // Read when focus is placed, frames after the render.
  const submitDisabledRef = useRef(submitDisabled);
  useEffect(() => {
    submitDisabledRef.current = submitDisabled;
  }, [submitDisabled]);
  // The modal's focus trap focuses its first element (the close button), where Enter would cancel,
  // and it does so when its portal has mounted, which may be a frame after this form. So once the
  // form is in the page, for a few frames, focus moves to the first text field, or else to the
  // primary button (Enter confirms a stop or a reboot), or else to the form itself.
  const formRef = useCallback((form: HTMLFormElement | null) => {
    if (!form) return;
    let frames = 0;
    let frame = requestAnimationFrame(function focusFirstField() {
      if (!form.isConnected) return;
      if (!form.contains(document.activeElement)) {
        const field = form.querySelector<HTMLElement>(TEXT_FIELDS);
        if (field) field.focus();
        else if (submitRef.current && !submitDisabledRef.current) submitRef.current.focus();
        else form.focus();
      }
      if (++frames < FOCUS_FRAMES) frame = requestAnimationFrame(focusFirstField);
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
        tabIndex={-1}
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
