import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useNotifications } from '@/components/notifications';
import { useSetVncPassword } from '../api/vnc';
import { isValidVncPassword } from '../logic/diagnostics';

interface SetVncPasswordModalProps {
  readonly regionId: string;
  readonly instanceId: string;
  readonly onDismiss: () => void;
}

/** ModifyInstanceVncPasswd: a new password of six letters or digits, typed twice. */
export function SetVncPasswordModal({ regionId, instanceId, onDismiss }: SetVncPasswordModalProps) {
  const { t } = useTranslation();
  const { notify } = useNotifications();
  const mutation = useSetVncPassword();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const passwordError = submitted && !isValidVncPassword(password) ? t('diagnostics.vnc.setPasswordModal.invalid') : '';
  const confirmationError =
    submitted && confirmation !== password ? t('diagnostics.vnc.setPasswordModal.mismatch') : '';

  const submit = () => {
    setSubmitted(true);
    if (!isValidVncPassword(password) || confirmation !== password) return;
    mutation.mutate(
      { regionId, instanceId, password },
      {
        onSuccess: () => {
          notify({ type: 'success', header: t('diagnostics.vnc.setPasswordModal.succeeded', { instanceId }) });
          onDismiss();
        },
      },
    );
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={t('diagnostics.vnc.setPasswordModal.title')}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" loading={mutation.isPending} onClick={submit}>
              {t('diagnostics.vnc.setPasswordModal.submit')}
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
        <SpaceBetween size="m">
          <Box variant="p">{t('diagnostics.vnc.setPasswordModal.description', { instanceId })}</Box>
          <FormField label={t('diagnostics.vnc.setPasswordModal.password')} errorText={passwordError}>
            <Input
              type="password"
              autoFocus
              autoComplete={false}
              value={password}
              onChange={({ detail }) => setPassword(detail.value)}
            />
          </FormField>
          <FormField label={t('diagnostics.vnc.setPasswordModal.confirm')} errorText={confirmationError}>
            <Input
              type="password"
              autoComplete={false}
              value={confirmation}
              onChange={({ detail }) => setConfirmation(detail.value)}
            />
          </FormField>
          {mutation.isError && (
            <ApiErrorAlert error={mutation.error} header={t('diagnostics.vnc.setPasswordModal.failed')} />
          )}
        </SpaceBetween>
      </form>
    </Modal>
  );
}
