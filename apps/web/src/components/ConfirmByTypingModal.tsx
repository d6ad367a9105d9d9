import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from './FormModal';

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
  const [typed, setTyped] = useState('');

  return (
    <FormModal
      header={header}
      submitText={confirmButtonText}
      submitDisabled={typed !== confirmationText || confirmDisabled}
      onSubmit={onConfirm}
      onDismiss={onDismiss}
    >
      {children}
      <FormField label={t('confirmByTyping.label', { text: confirmationText })}>
        <Input
          value={typed}
          onChange={({ detail }) => setTyped(detail.value)}
          placeholder={confirmationText}
          autoComplete={false}
          spellcheck={false}
        />
      </FormField>
    </FormModal>
  );
}
