import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmByTypingModalProps {
  readonly header: string;
  /** What the user must type, exactly, before the action can run. */
  readonly confirmationText: string;
  readonly confirmButtonText: string;
  /** Further conditions (e.g. a required checkbox) that keep the confirm button disabled. */
  readonly confirmDisabled?: boolean;
  readonly onConfirm: () => void;
  readonly onDismiss: () => void;
  /** The description and any options. */
  readonly children: ReactNode;
}

/**
 * A confirmation for destructive actions: the button stays disabled until the user types the given
 * text. Render it only while it is open, so the typed text starts empty each time.
 */
export function ConfirmByTypingModal({
  header,
  confirmationText,
  confirmButtonText,
  confirmDisabled = false,
  onConfirm,
  onDismiss,
  children,
}: ConfirmByTypingModalProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [typed, setTyped] = useState('');
  const canConfirm = typed === confirmationText && !confirmDisabled;

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
            <Button variant="primary" disabled={!canConfirm} formAction="submit" form={formId}>
              {confirmButtonText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          if (canConfirm) onConfirm();
        }}
      >
        <SpaceBetween size="m">
          {children}
          <FormField label={t('confirmByTyping.label', { text: confirmationText })}>
            <Input
              value={typed}
              onChange={({ detail }) => setTyped(detail.value)}
              placeholder={confirmationText}
              autoFocus
              autoComplete={false}
              spellcheck={false}
            />
          </FormField>
        </SpaceBetween>
      </form>
    </Modal>
  );
}
