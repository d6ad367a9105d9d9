import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useSelectedRegion } from '@/lib/selected-region';
import { useUserRefetch } from '@/lib/background-fetch';
import { fleetQueryKey, useFleet } from '../api/fleet';
import { InstanceTable } from '../components/InstanceTable';

const NO_INSTANCES: readonly never[] = [];

/** `/instances`: every instance of the selected region. */
export function InstanceListPage() {
  const { t } = useTranslation();
  const [regionId] = useSelectedRegion();
  const fleet = useFleet(regionId);
  const refresh = useUserRefetch(fleetQueryKey(regionId), fleet.refetch);

  return (
    <SpaceBetween size="m">
      {fleet.isError && (
        <ApiErrorAlert
          error={fleet.error}
          header={fleet.data ? t('instances.refreshFailed') : t('instances.loadFailed', { regionId })}
          action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      )}
      <InstanceTable
        // A new region starts with a fresh selection, page and filter.
        key={regionId}
        regionId={regionId}
        instances={fleet.data?.instances ?? NO_INSTANCES}
        loading={fleet.isPending}
        updatedAt={fleet.dataUpdatedAt}
        onRefresh={refresh}
      />
    </SpaceBetween>
  );
}
