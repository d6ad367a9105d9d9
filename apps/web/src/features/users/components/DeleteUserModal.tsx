import Box from '@cloudscape-design/components/box';
import { useTranslation } from 'react-i18next';
import { ConfirmByTypingModal } from '@/components/ConfirmByTypingModal';
import type { ConsoleUser } from '@ecs-console/contract';
import { useDeleteUser } from '../api/users';
import { useReportUserResult } from './use-report-user-result';

interface DeleteUserModalProps {
  readonly user: ConsoleUser;
  readonly onDismiss: () => void;
}

export function DeleteUserModal({ user, onDismiss }: DeleteUserModalProps) {
  const { t } = useTranslation();
  const report = useReportUserResult();
  const mutation = useDeleteUser();
  const { username } = user;

  const confirm = () => {
    mutation.mutate(username, {
      onSuccess: () => report.succeeded(t('users.delete.succeeded', { username })),
      onError: (error) => report.failed(t('users.delete.failed', { username }), error),
      onSettled: onDismiss,
    });
  };

  return (
    <ConfirmByTypingModal
      header={t('users.delete.title', { username })}
      confirmationText={username}
      confirmButtonText={t('users.delete.submit')}
      confirmDisabled={mutation.isPending}
      onConfirm={confirm}
      onDismiss={onDismiss}
    >
      <Box variant="p">{t('users.delete.description', { username, role: t(`roles.${user.role}`) })}</Box>
    </ConfirmByTypingModal>
  );
}
