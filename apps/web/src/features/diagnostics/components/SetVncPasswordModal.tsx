import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
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
    <FormModal
      header={t('diagnostics.vnc.setPasswordModal.title')}
      submitText={t('diagnostics.vnc.setPasswordModal.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
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
    </FormModal>
  );
}
