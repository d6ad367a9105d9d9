import Box from '@cloudscape-design/components/box';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ecs-console/contract';
import type { ConsoleUser } from '@ecs-console/contract';
import { useUpdateUser } from '../api/users';
import { RoleSelect } from './RoleSelect';
import { FormModal } from '@/components/FormModal';
import { useReportUserResult } from './use-report-user-result';

interface ChangeRoleModalProps {
  readonly user: ConsoleUser;
  readonly onDismiss: () => void;
}

export function ChangeRoleModal({ user, onDismiss }: ChangeRoleModalProps) {
  const { t } = useTranslation();
  const report = useReportUserResult();
  const mutation = useUpdateUser();
  const [role, setRole] = useState<Role>(user.role);
  const { username } = user;

  const submit = () => {
    mutation.mutate(
      { username, changes: { role } },
      {
        onSuccess: (updated) =>
          report.succeeded(t('users.changeRole.succeeded', { username, role: t(`roles.${updated.role}`) })),
        onError: (error) => report.failed(t('users.changeRole.failed', { username }), error),
        onSettled: onDismiss,
      },
    );
  };

  return (
    <FormModal
      header={t('users.changeRole.title', { username })}
      submitText={t('users.changeRole.submit')}
      submitting={mutation.isPending}
      submitDisabled={role === user.role}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <Box variant="p">{t('users.changeRole.description', { username, role: t(`roles.${user.role}`) })}</Box>
      <RoleSelect value={role} onChange={setRole} />
    </FormModal>
  );
}
