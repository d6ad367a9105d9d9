import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/FormModal';

interface PasswordPromptModalProps {
  readonly instanceId: string;
  readonly onSubmit: (password: string) => void;
  readonly onDismiss: () => void;
}

/** Asks for the instance's VNC password when the server requests one (noVNC's `credentialsrequired`). */
export function PasswordPromptModal({ instanceId, onSubmit, onDismiss }: PasswordPromptModalProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <FormModal
      header={t('diagnostics.vnc.passwordPrompt.title')}
      submitText={t('diagnostics.vnc.passwordPrompt.submit')}
      submitDisabled={password === ''}
      onSubmit={() => onSubmit(password)}
      onDismiss={onDismiss}
    >
      <FormField
        label={t('diagnostics.vnc.passwordPrompt.label', { instanceId })}
        description={t('diagnostics.vnc.passwordPrompt.description')}
      >
        <Input
          type="password"
          autoFocus
          autoComplete={false}
          value={password}
          onChange={({ detail }) => setPassword(detail.value)}
        />
      </FormField>
    </FormModal>
  );
}
