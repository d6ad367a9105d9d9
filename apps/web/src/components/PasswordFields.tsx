import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordFormErrors } from '@/lib/password-rules';

interface PasswordFieldsProps {
  readonly password: string;
  readonly confirmation: string;
  readonly onPasswordChange: (value: string) => void;
  readonly onConfirmationChange: (value: string) => void;
  /** Shown once the form was submitted. */
  readonly errors: PasswordFormErrors | null;
  readonly autoFocus?: boolean;
  /** "New password" rather than "Password", when the form also asks for the current one. */
  readonly replacesCurrent?: boolean;
}

/** A new password, typed twice, with the rules the BFF applies. */
export function PasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  errors,
  autoFocus = false,
  replacesCurrent = false,
}: PasswordFieldsProps) {
  const { t } = useTranslation();
  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return (
    <>
      <FormField
        label={replacesCurrent ? t('password.fields.new') : t('password.fields.password')}
        description={t('password.fields.description', limits)}
        errorText={errors?.password ? t(`password.validation.password.${errors.password}`, limits) : undefined}
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
        label={replacesCurrent ? t('password.fields.newConfirmation') : t('password.fields.confirmation')}
        errorText={errors?.confirmation ? t(`password.validation.confirmation.${errors.confirmation}`) : undefined}
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
