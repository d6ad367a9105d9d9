import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useCurrentSession } from '@/lib/session';
import type { ConsoleUser } from '@ecs-console/contract';
import { useUserRefetch } from '@/lib/background-fetch';
import { USERS_QUERY_KEY, useUsers } from '../api/users';
import { ChangeRoleModal } from '../components/ChangeRoleModal';
import { CreateUserModal } from '../components/CreateUserModal';
import { DeleteUserModal } from '../components/DeleteUserModal';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UsersTable, type UserAction } from '../components/UsersTable';

const NO_USERS: readonly never[] = [];

/** `/users` (admins): who may sign in to the console, and with which role. */
export function UsersPage() {
  const { t } = useTranslation();
  const { user: signedIn } = useCurrentSession();
  const users = useUsers();
  const refresh = useUserRefetch(USERS_QUERY_KEY, users.refetch);
  const [selectedUsername, setSelectedUsername] = useState<string | null>(null);
  const [openAction, setOpenAction] = useState<UserAction | null>(null);

  const list = users.data ?? NO_USERS;
  // Looked up in the latest list, so a deleted user is no longer selected and roles stay current.
  const selected: ConsoleUser | null = list.find((user) => user.username === selectedUsername) ?? null;
  const close = () => setOpenAction(null);

  return (
    <SpaceBetween size="m">
      {users.isError && (
        <ApiErrorAlert
          error={users.error}
          header={t('users.loadFailed')}
          action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      )}
      <UsersTable
        users={list}
        loading={users.isPending}
        selected={selected}
        signedInUsername={signedIn.username}
        onSelect={(user) => setSelectedUsername(user?.username ?? null)}
        onAction={setOpenAction}
        onRefresh={() => void refresh()}
      />
      {openAction === 'create' && <CreateUserModal onDismiss={close} />}
      {openAction === 'changeRole' && selected && <ChangeRoleModal user={selected} onDismiss={close} />}
      {openAction === 'resetPassword' && selected && (
        <ResetPasswordModal user={selected} isSelf={selected.username === signedIn.username} onDismiss={close} />
      )}
      {openAction === 'delete' && selected && <DeleteUserModal user={selected} onDismiss={close} />}
    </SpaceBetween>
  );
}
