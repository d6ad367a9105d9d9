import { useTranslation } from 'react-i18next';
import { LaterReleasePage } from '@/components/LaterReleasePage';

/** `/snapshots`: the snapshot list comes in a later release. */
export function SnapshotsPage() {
  const { t } = useTranslation();
  return <LaterReleasePage title={t('nav.snapshots')} />;
}
