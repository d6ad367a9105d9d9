import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PasswordPromptModalProps {
  readonly instanceId: string;
  readonly onSubmit: (password: string) => void;
  readonly onDismiss: () => void;
}

/** Asks for the instance's VNC password when the server requests one (noVNC's `credentialsrequired`). */
export function PasswordPromptModal({ instanceId, onSubmit, onDismiss }: PasswordPromptModalProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const submit = () => {
    if (password !== '') onSubmit(password);
  };
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={t('diagnostics.vnc.passwordPrompt.title')}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" disabled={password === ''} onClick={submit}>
              {t('diagnostics.vnc.passwordPrompt.submit')}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Form>
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
        </Form>
      </form>
    </Modal>
  );
}
