import { useTranslation } from 'react-i18next';
import { LaterReleasePage } from '@/components/LaterReleasePage';

/** `/disks`: the disk list comes in a later release. */
export function DisksPage() {
  const { t } = useTranslation();
  return <LaterReleasePage title={t('nav.disks')} />;
}
