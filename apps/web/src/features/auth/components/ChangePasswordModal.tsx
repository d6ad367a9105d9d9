import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { useNotifications } from '@/components/notifications';
import { PasswordFields } from '@/components/PasswordFields';
import { isApiError } from '@/lib/api-client';
import { isFormValid, validatePasswordForm } from '@/lib/password-rules';
import { useChangePassword } from '../api/session';

/** What the server said, in the user's words where the code is one they can act on. */
function useFailureHeader(error: unknown): string {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'WrongPassword') return t('account.changePassword.wrongPassword');
  return t('account.changePassword.failed');
}

/**
 * The signed-in user changes their own password: the current one, then the new one twice. A refusal
 * (wrong current password, a weak or common new one) stays in view with the server's message.
 */
export function ChangePasswordModal({ onDismiss }: { readonly onDismiss: () => void }) {
  const { t } = useTranslation();
  const { notify } = useNotifications();
  const mutation = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const failureHeader = useFailureHeader(mutation.error);

  const currentError = current.length === 0 ? 'required' : null;
  const errors = validatePasswordForm(password, confirmation, current);

  const submit = () => {
    setSubmitted(true);
    if (currentError || !isFormValid(errors)) return;
    mutation.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          notify({ type: 'success', header: t('account.changePassword.succeeded') });
          onDismiss();
        },
      },
    );
  };

  return (
    <FormModal
      header={t('account.changePassword.title')}
      submitText={t('account.changePassword.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <Box variant="p">{t('account.changePassword.description')}</Box>
      <FormField
        label={t('password.fields.current')}
        errorText={submitted && currentError ? t(`password.validation.current.${currentError}`) : undefined}
      >
        <Input
          type="password"
          autoFocus
          autoComplete="current-password"
          value={current}
          onChange={({ detail }) => setCurrent(detail.value)}
        />
      </FormField>
      <PasswordFields
        replacesCurrent
        password={password}
        confirmation={confirmation}
        onPasswordChange={setPassword}
        onConfirmationChange={setConfirmation}
        errors={submitted ? errors : null}
      />
      {mutation.isError && <ApiErrorAlert error={mutation.error} header={failureHeader} />}
    </FormModal>
  );
}
