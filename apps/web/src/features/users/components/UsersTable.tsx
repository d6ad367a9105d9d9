import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import { TableEmptyState } from '@/components/TableEmptyState';
import { compareText } from '@/lib/compare';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { ConsoleUser } from '@ecs-console/contract';
import { selfActionBlock } from '../logic/user-validation';

export type UserAction = 'create' | 'changeRole' | 'resetPassword' | 'delete';

interface UsersTableProps {
  readonly users: readonly ConsoleUser[];
  readonly loading: boolean;
  readonly selected: ConsoleUser | null;
  readonly signedInUsername: string;
  readonly onSelect: (user: ConsoleUser | null) => void;
  readonly onAction: (action: UserAction) => void;
  readonly onRefresh: () => void;
}

const ROLE_ORDER = { viewer: 0, operator: 1, admin: 2 } as const;

export function UsersTable({
  users,
  loading,
  selected,
  signedInUsername,
  onSelect,
  onAction,
  onRefresh,
}: UsersTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { items, collectionProps } = useCollection(users, {
    sorting: { defaultState: { sortingColumn: { sortingField: 'username' } } },
  });

  const noSelection = t('users.disabledReason.noSelection');
  const blockedReason = (action: 'delete' | 'changeRole') => {
    if (!selected) return noSelection;
    const block = selfActionBlock(action, selected.username, signedInUsername);
    return block ? t(`users.disabledReason.${block}`) : undefined;
  };
  const changeRoleReason = blockedReason('changeRole');
  const deleteReason = blockedReason('delete');
  const resetPasswordReason = selected ? undefined : noSelection;

  return (
    <Table
      {...collectionProps}
      items={items}
      trackBy="username"
      selectionType="single"
      selectedItems={selected ? [selected] : []}
      onSelectionChange={({ detail }) => onSelect(detail.selectedItems[0] ?? null)}
      ariaLabels={{
        tableLabel: t('users.title'),
        selectionGroupLabel: t('users.selectionGroup'),
        itemSelectionLabel: (_selection, user) => t('users.selectItem', { username: user.username }),
      }}
      empty={<TableEmptyState title={t('users.empty')} />}
      variant="full-page"
      stickyHeader
      loading={loading}
      loadingText={t('users.loading')}
      header={
        <Header
          variant="h1"
          counter={`(${formatCount(users.length, locale)})`}
          description={t('users.description')}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={t('users.refresh')} onClick={onRefresh} />
              <Button
                disabled={changeRoleReason !== undefined}
                disabledReason={changeRoleReason}
                onClick={() => onAction('changeRole')}
              >
                {t('users.actions.changeRole')}
              </Button>
              <Button
                disabled={resetPasswordReason !== undefined}
                disabledReason={resetPasswordReason}
                onClick={() => onAction('resetPassword')}
              >
                {t('users.actions.resetPassword')}
              </Button>
              <Button
                disabled={deleteReason !== undefined}
                disabledReason={deleteReason}
                onClick={() => onAction('delete')}
              >
                {t('users.actions.delete')}
              </Button>
              <Button variant="primary" onClick={() => onAction('create')}>
                {t('users.actions.create')}
              </Button>
            </SpaceBetween>
          }
        >
          {t('users.title')}
        </Header>
      }
      columnDefinitions={[
        {
          id: 'username',
          header: t('users.columns.username'),
          cell: (user) =>
            user.username === signedInUsername ? t('users.you', { username: user.username }) : user.username,
          sortingField: 'username',
          sortingComparator: (a, b) => compareText(a.username, b.username),
          isRowHeader: true,
        },
        {
          id: 'role',
          header: t('users.columns.role'),
          cell: (user) => t(`roles.${user.role}`),
          sortingComparator: (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
        },
        {
          id: 'created',
          header: t('users.columns.created'),
          cell: (user) => formatDateTime(user.createdAt, locale),
          // ISO times: text order is time order.
          sortingComparator: (a, b) => a.createdAt.localeCompare(b.createdAt),
        },
      ]}
    />
  );
}
