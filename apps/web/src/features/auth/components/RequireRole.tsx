import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, type Role } from '@ecs-console/contract';
import { useCurrentSession } from '@/lib/session';

/** Shows its children only to users with at least `role`; others read why they cannot. */
export function RequireRole({ role, children }: { readonly role: Role; readonly children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  if (hasRole(user.role, role)) return children;
  return (
    <ContentLayout header={<Header variant="h1">{t('auth.forbiddenTitle')}</Header>}>
      <Alert type="warning">{t('auth.forbidden', { role: t(`roles.${role}`) })}</Alert>
    </ContentLayout>
  );
}
