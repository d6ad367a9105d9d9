import { useTranslation } from 'react-i18next';
import { LaterReleasePage } from '@/components/LaterReleasePage';

/** `/security-groups`: security groups and their rules come in a later release. */
export function SecurityGroupsPage() {
  const { t } = useTranslation();
  return <LaterReleasePage title={t('nav.securityGroups')} />;
}
