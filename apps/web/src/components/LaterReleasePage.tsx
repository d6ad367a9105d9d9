import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useTranslation } from 'react-i18next';

/** A page whose screen comes in a later release: it says so plainly instead of showing fake data. */
export function LaterReleasePage({ title }: { readonly title: string }) {
  const { t } = useTranslation();
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      <Container>
        <Box variant="p" color="text-body-secondary">
          {t('laterRelease.page')}
        </Box>
      </Container>
    </ContentLayout>
  );
}
