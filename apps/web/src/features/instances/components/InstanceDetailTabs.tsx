import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useTranslation } from 'react-i18next';
import type { Instance } from '../types';
import { InstanceDisks } from './InstanceDisks';
import { InstanceNetwork } from './InstanceNetwork';
import { InstanceSummary } from './InstanceSummary';
import { InstanceTags } from './InstanceTags';

function LaterReleaseNote({ text }: { readonly text: string }) {
  return (
    <Box variant="p" color="text-body-secondary" padding={{ vertical: 'l' }}>
      {text}
    </Box>
  );
}

export function InstanceDetailTabs({ instance }: { readonly instance: Instance }) {
  const { t } = useTranslation();
  const diagnostics = <LaterReleaseNote text={t('instanceDetail.diagnosticsLater')} />;
  return (
    <Tabs
      ariaLabel={t('instanceDetail.tabsLabel')}
      tabs={[
        {
          id: 'details',
          label: t('instanceDetail.tabs.details'),
          content: (
            <SpaceBetween size="l">
              <InstanceSummary instance={instance} />
              <InstanceNetwork instance={instance} />
              <InstanceDisks regionId={instance.RegionId} instanceId={instance.InstanceId} />
              <InstanceTags instance={instance} />
            </SpaceBetween>
          ),
        },
        {
          id: 'monitoring',
          label: t('instanceDetail.tabs.monitoring'),
          content: <LaterReleaseNote text={t('instanceDetail.monitoringLater')} />,
        },
        { id: 'console', label: t('instanceDetail.tabs.console'), content: diagnostics },
        { id: 'screenshot', label: t('instanceDetail.tabs.screenshot'), content: diagnostics },
        { id: 'consoleOutput', label: t('instanceDetail.tabs.consoleOutput'), content: diagnostics },
      ]}
    />
  );
}
