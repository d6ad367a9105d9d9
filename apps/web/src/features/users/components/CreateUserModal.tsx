import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import type { Role } from '@ecs-console/contract';
import { isFormValid } from '@/lib/password-rules';
import { useCreateUser } from '../api/users';
import {
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
  validateNewUser,
  type NewUserFormErrors,
} from '../logic/user-validation';
import { PasswordFields } from '@/components/PasswordFields';
import { RoleSelect } from './RoleSelect';
import { FormModal } from '@/components/FormModal';
import { useReportUserResult } from './use-report-user-result';

/** New users start with the least access; the admin raises it deliberately. */
const DEFAULT_ROLE: Role = 'viewer';

export function CreateUserModal({ onDismiss }: { readonly onDismiss: () => void }) {
  const { t } = useTranslation();
  const report = useReportUserResult();
  const mutation = useCreateUser();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>(DEFAULT_ROLE);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const errors = validateNewUser({ username, role, password, confirmation });
  const shownErrors: NewUserFormErrors | null = submitted ? errors : null;
  const usernameLimits = { min: USERNAME_MIN_LENGTH, max: USERNAME_MAX_LENGTH };

  const submit = () => {
    setSubmitted(true);
    if (!isFormValid(errors)) return;
    mutation.mutate(
      { username, role, password },
      {
        onSuccess: (user) => {
          report.succeeded(t('users.create.succeeded', { username: user.username, role: t(`roles.${user.role}`) }));
          onDismiss();
        },
      },
    );
  };

  return (
    <FormModal
      header={t('users.create.title')}
      submitText={t('users.create.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <FormField
        label={t('users.fields.username')}
        description={t('users.fields.usernameDescription', usernameLimits)}
        errorText={
          shownErrors?.username ? t(`users.validation.username.${shownErrors.username}`, usernameLimits) : undefined
        }
      >
        <Input
          autoFocus
          autoComplete={false}
          spellcheck={false}
          value={username}
          onChange={({ detail }) => setUsername(detail.value)}
        />
      </FormField>
      <RoleSelect value={role} onChange={setRole} />
      <PasswordFields
        password={password}
        confirmation={confirmation}
        onPasswordChange={setPassword}
        onConfirmationChange={setConfirmation}
        errors={shownErrors}
      />
      {mutation.isError && <ApiErrorAlert error={mutation.error} header={t('users.create.failed', { username })} />}
    </FormModal>
  );
}
