import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ItemPageLoadState } from '@/components/ItemPageLoadState';
import {
  DISK_LIST,
  INSTANCE_LIST,
  regionListItemQueryKey,
  useRefetchShown,
  useRegionList,
  useRegionListItem,
} from '@/lib/region-list';
import { DiskActions } from '../components/DiskActions';
import { DiskDetailInstance } from '../components/DiskDetailInstance';
import { useRefreshStorageLists } from '../components/DiskDetailRefresh';
import { DiskStatusIndicator } from '../components/DiskStatusIndicator';
import { DiskOverview } from '../components/DiskOverview';
import { DiskSnapshots } from '../components/DiskSnapshots';
import { useDiskActionStates, useDisabledReasonText } from '../components/use-disk-action-states';

/** `/disks/:regionId/:diskId`: the disk, its instance, its snapshots and what can be done to it. */
export function DiskDetailPage() {
  const { t } = useTranslation();
  const { regionId = '', diskId = '' } = useParams();
  const { state } = useRegionListItem(DISK_LIST, regionId, diskId);
  const instances = useRegionList(INSTANCE_LIST, regionId);
  const disk = state.kind === 'found' ? state.item : undefined;
  const instance = disk?.InstanceId
    ? instances.data?.instances.find((item) => item.InstanceId === disk.InstanceId)
    : undefined;
  const pageDisks = useMemo(() => (disk ? [disk] : []), [disk]);
  const actionStates = useDiskActionStates(regionId, pageDisks, { withSnapshots: true });
  const resetRefusal = useDisabledReasonText()(actionStates.reset);

  const refreshLists = useRefreshStorageLists(regionId);
  const refetchShown = useRefetchShown();
  // The user's Refresh: the disk (from the list, or by ID while the list lacks it), its snapshots and its instance.
  const refresh = () => {
    void refreshLists();
    void refetchShown([regionListItemQueryKey(DISK_LIST, regionId, diskId)]);
  };

  const header = (
    <Header
      variant="h1"
      description={disk && <DiskStatusIndicator status={disk.Status} />}
      actions={
        disk && (
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="refresh" ariaLabel={t('disks.detail.refresh')} onClick={refresh} />
            <DiskActions regionId={regionId} disks={[disk]} variant="detail" />
          </SpaceBetween>
        )
      }
    >
      {disk?.DiskName || diskId}
    </Header>
  );

  return (
    <ContentLayout header={header}>
      <ItemPageLoadState
        state={state}
        texts={{
          loadFailed: t('disks.detail.loadFailed'),
          notFoundTitle: t('disks.detail.notFound.title'),
          notFoundBody: t('disks.detail.notFound.body', { diskId, regionId }),
          back: { href: '/disks', text: t('disks.detail.notFound.back') },
        }}
      />
      {disk && (
        <SpaceBetween size="l">
          <DiskOverview disk={disk} />
          <DiskDetailInstance disk={disk} instance={instance} instancesLoading={instances.isPending} />
          <DiskSnapshots disk={disk} resetRefusal={resetRefusal} />
        </SpaceBetween>
      )}
    </ContentLayout>
  );
}
