import Alert from '@cloudscape-design/components/alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleUser } from '@ecs-console/contract';
import { useUpdateUser } from '../api/users';
import { isFormValid, validatePasswordForm } from '@/lib/password-rules';
import { PasswordFields } from '@/components/PasswordFields';
import { FormModal } from '@/components/FormModal';
import { useReportUserResult } from './use-report-user-result';

interface ResetPasswordModalProps {
  readonly user: ConsoleUser;
  /** The signed-in admin resets their own password and is signed out too. */
  readonly isSelf: boolean;
  readonly onDismiss: () => void;
}

export function ResetPasswordModal({ user, isSelf, onDismiss }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const report = useReportUserResult();
  const mutation = useUpdateUser();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { username } = user;
  const errors = validatePasswordForm(password, confirmation);

  const submit = () => {
    setSubmitted(true);
    if (!isFormValid(errors)) return;
    mutation.mutate(
      { username, changes: { password } },
      {
        onSuccess: () => report.succeeded(t('users.resetPassword.succeeded', { username })),
        onError: (error) => report.failed(t('users.resetPassword.failed', { username }), error),
        onSettled: onDismiss,
      },
    );
  };

  return (
    <FormModal
      header={t('users.resetPassword.title', { username })}
      submitText={t('users.resetPassword.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <Alert type="warning">
        {isSelf ? t('users.resetPassword.signsOutSelf') : t('users.resetPassword.signsOut', { username })}
      </Alert>
      <PasswordFields
        autoFocus
        password={password}
        confirmation={confirmation}
        onPasswordChange={setPassword}
        onConfirmationChange={setConfirmation}
        errors={submitted ? errors : null}
      />
    </FormModal>
  );
}
