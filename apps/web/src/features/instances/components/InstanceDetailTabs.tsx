import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConsoleOutputTab, ScreenshotTab, VncConsoleTab } from '@/features/diagnostics';
import type { InstanceSummary } from '@ecs-console/contract';
import { InstanceDisks } from './InstanceDisks';
import { InstanceNetwork } from './InstanceNetwork';
import { InstanceOverview } from './InstanceOverview';
import { InstanceTags } from './InstanceTags';

const TAB_IDS = ['details', 'monitoring', 'console', 'screenshot', 'consoleOutput'] as const;
type TabId = (typeof TAB_IDS)[number];

/** The `?tab=` query parameter names the open tab, so Connect can link straight to the console. */
const TAB_PARAM = 'tab';

function isTabId(value: string | null): value is TabId {
  return (TAB_IDS as readonly (string | null)[]).includes(value);
}

export function InstanceDetailTabs({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get(TAB_PARAM);
  const activeTabId: TabId = isTabId(requested) ? requested : 'details';
  const diagnostics = { regionId: instance.RegionId, instanceId: instance.InstanceId, status: instance.Status };

  return (
    <Tabs
      ariaLabel={t('instanceDetail.tabsLabel')}
      activeTabId={activeTabId}
      onChange={({ detail }) =>
        setSearchParams(
          (params) => {
            const next = new URLSearchParams(params);
            if (detail.activeTabId === 'details') next.delete(TAB_PARAM);
            else next.set(TAB_PARAM, detail.activeTabId);
            return next;
          },
          { replace: true },
        )
      }
      tabs={[
        {
          id: 'details',
          label: t('instanceDetail.tabs.details'),
          content: (
            <SpaceBetween size="l">
              <InstanceOverview instance={instance} />
              <InstanceNetwork instance={instance} />
              <InstanceDisks regionId={instance.RegionId} instanceId={instance.InstanceId} />
              <InstanceTags instance={instance} />
            </SpaceBetween>
          ),
        },
        {
          id: 'monitoring',
          label: t('instanceDetail.tabs.monitoring'),
          content: (
            <Box variant="p" color="text-body-secondary" padding={{ vertical: 'l' }}>
              {t('instanceDetail.monitoringLater')}
            </Box>
          ),
        },
        {
          id: 'console',
          label: t('instanceDetail.tabs.console'),
          content: <VncConsoleTab {...diagnostics} />,
          // Kept mounted once opened, so a VNC session survives a look at another tab.
          contentRenderStrategy: 'lazy',
        },
        { id: 'screenshot', label: t('instanceDetail.tabs.screenshot'), content: <ScreenshotTab {...diagnostics} /> },
        {
          id: 'consoleOutput',
          label: t('instanceDetail.tabs.consoleOutput'),
          content: <ConsoleOutputTab {...diagnostics} osType={instance.OSType} />,
        },
      ]}
    />
  );
}
