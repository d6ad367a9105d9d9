import Alert from '@cloudscape-design/components/alert';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '@/lib/session';

/** Always visible against the emulator, so nobody mistakes its fleet for production. */
export function EmulatorBanner() {
  const { t } = useTranslation();
  const { backend } = useCurrentSession();
  if (backend.kind !== 'emulator') return null;
  return (
    <Alert type="info" header={t('emulator.title')}>
      {t('emulator.body')}
    </Alert>
  );
}
