import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { isApiError } from '@/lib/api-client';
import { useSignIn } from '../api/session';

/** Errors the user can fix or wait out: said in plain words, without codes. */
function useKnownLoginError(error: unknown): string | undefined {
  const { t } = useTranslation();
  if (!isApiError(error)) return undefined;
  if (error.code === 'InvalidCredentials') return t('login.errors.invalidCredentials');
  if (error.code === 'TooManyLoginAttempts') return t('login.errors.tooManyAttempts');
  return undefined;
}

/** Signing in stores the session, and the login page then moves on by itself. */
export function LoginForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const knownError = useKnownLoginError(signIn.error);

  const missingUsername = submitted && !username.trim();
  const missingPassword = submitted && !password;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!username.trim() || !password) return;
        signIn.mutate({ username: username.trim(), password });
      }}
    >
      <Form
        errorText={knownError}
        actions={
          <Button variant="primary" formAction="submit" loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        }
      >
        <SpaceBetween size="m">
          {signIn.isError && !knownError && <ApiErrorAlert error={signIn.error} header={t('login.errors.failed')} />}
          <FormField label={t('login.username')} errorText={missingUsername ? t('login.errors.usernameRequired') : ''}>
            <Input
              value={username}
              onChange={({ detail }) => setUsername(detail.value)}
              autoComplete="username"
              autoFocus
              invalid={missingUsername}
            />
          </FormField>
          <FormField label={t('login.password')} errorText={missingPassword ? t('login.errors.passwordRequired') : ''}>
            <Input
              type="password"
              value={password}
              onChange={({ detail }) => setPassword(detail.value)}
              autoComplete="current-password"
              invalid={missingPassword}
            />
          </FormField>
        </SpaceBetween>
      </Form>
    </form>
  );
}
