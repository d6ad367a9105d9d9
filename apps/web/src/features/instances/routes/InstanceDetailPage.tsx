import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { InternalLink } from '@/components/InternalLink';
import { useRefreshStorageLists } from '@/features/disks';
import { useUserRefetch } from '@/lib/background-fetch';
import { instanceQueryKey, useInstance } from '../api/instance';
import { InstanceActions } from '../components/InstanceActions';
import { InstanceDetailTabs } from '../components/InstanceDetailTabs';
import type { ActionRequest } from '../logic/action-requests';

/** `/instances/:regionId/:instanceId`. */
export function InstanceDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { regionId = '', instanceId = '' } = useParams();
  const query = useInstance(regionId, instanceId);
  const instance = query.data;
  const refreshInstance = useUserRefetch(instanceQueryKey(regionId, instanceId), query.refetch);
  const refreshDisks = useRefreshStorageLists(regionId);
  // The page's Refresh is also its disks section's.
  const refresh = () => {
    void refreshDisks();
    return refreshInstance();
  };

  // A released instance has no page any more: back to the list, where the result shows.
  const onConfirmed = (request: ActionRequest) => {
    if (request.action === 'delete') void navigate('/instances');
  };

  const header = (
    <Header
      variant="h1"
      description={instance && <InstanceStatusIndicator status={instance.Status} />}
      actions={
        instance && (
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="refresh" ariaLabel={t('instances.refresh')} onClick={() => void refresh()} />
            <InstanceActions instances={[instance]} onConfirmed={onConfirmed} />
          </SpaceBetween>
        )
      }
    >
      {instance?.InstanceName || instanceId}
    </Header>
  );

  return (
    <ContentLayout header={header}>
      {query.isError && !instance && (
        <ApiErrorAlert
          error={query.error}
          header={t('instanceDetail.loadFailed')}
          action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      )}
      {query.isPending && (
        <Box textAlign="center" padding="xxl">
          <Spinner size="large" />
        </Box>
      )}
      {query.isSuccess && !instance && (
        <Alert type="warning" header={t('instanceDetail.notFound.title')}>
          {t('instanceDetail.notFound.body', { instanceId, regionId })}{' '}
          <InternalLink href="/instances">{t('instanceDetail.notFound.back')}</InternalLink>
        </Alert>
      )}
      {instance && <InstanceDetailTabs instance={instance} />}
    </ContentLayout>
  );
}
