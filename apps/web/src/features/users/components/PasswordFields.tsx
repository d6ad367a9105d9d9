import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordFormErrors } from '../logic/user-validation';

interface PasswordFieldsProps {
  readonly password: string;
  readonly confirmation: string;
  readonly onPasswordChange: (value: string) => void;
  readonly onConfirmationChange: (value: string) => void;
  /** Shown once the form was submitted. */
  readonly errors: PasswordFormErrors | null;
  readonly autoFocus?: boolean;
}

/** A new password, typed twice. */
export function PasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  errors,
  autoFocus = false,
}: PasswordFieldsProps) {
  const { t } = useTranslation();
  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return (
    <>
      <FormField
        label={t('users.fields.password')}
        description={t('users.fields.passwordDescription', limits)}
        errorText={errors?.password ? t(`users.validation.password.${errors.password}`, limits) : undefined}
      >
        <Input
          type="password"
          autoFocus={autoFocus}
          autoComplete="new-password"
          value={password}
          onChange={({ detail }) => onPasswordChange(detail.value)}
        />
      </FormField>
      <FormField
        label={t('users.fields.confirmation')}
        errorText={errors?.confirmation ? t(`users.validation.confirmation.${errors.confirmation}`) : undefined}
      >
        <Input
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={({ detail }) => onConfirmationChange(detail.value)}
        />
      </FormField>
    </>
  );
}
