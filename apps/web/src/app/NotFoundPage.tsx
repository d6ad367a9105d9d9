import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useTranslation } from 'react-i18next';
import { InternalLink } from '@/components/InternalLink';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <ContentLayout header={<Header variant="h1">{t('notFound.title')}</Header>}>
      <Box variant="p">
        {t('notFound.body')} <InternalLink href="/instances">{t('notFound.back')}</InternalLink>
      </Box>
    </ContentLayout>
  );
}
