import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InstanceDisksSection } from '@/features/disks';
import {
  CONSOLE_TAB_ID,
  ConsoleOutputTab,
  DETAIL_TAB_PARAM,
  ScreenshotTab,
  VncConsoleTab,
} from '@/features/diagnostics';
import { InstanceSecurityGroups } from '@/features/security-groups';
import type { InstanceSummary } from '@ecs-console/contract';
import { InstanceNetwork } from './InstanceNetwork';
import { InstanceOverview } from './InstanceOverview';
import { InstanceTags } from './InstanceTags';

const TAB_IDS = ['details', 'monitoring', CONSOLE_TAB_ID, 'screenshot', 'consoleOutput'] as const;
type TabId = (typeof TAB_IDS)[number];
const DEFAULT_TAB: TabId = 'details';

function isTabId(value: string | null): value is TabId {
  return (TAB_IDS as readonly (string | null)[]).includes(value);
}

/**
 * The instance's tabs. The open one is in the URL (`?tab=console`; none for the default), so reload,
 * Back from another page and a copied link open it again; an unknown value opens the default.
 * Switching tabs replaces the history entry: Back leaves the instance rather than stepping through tabs.
 */
export function InstanceDetailTabs({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get(DETAIL_TAB_PARAM);
  const activeTabId: TabId = isTabId(requested) ? requested : DEFAULT_TAB;
  const diagnostics = { regionId: instance.RegionId, instanceId: instance.InstanceId, status: instance.Status };

  return (
    <Tabs
      ariaLabel={t('instanceDetail.tabsLabel')}
      activeTabId={activeTabId}
      onChange={({ detail }) =>
        setSearchParams(
          (params) => {
            const next = new URLSearchParams(params);
            if (detail.activeTabId === DEFAULT_TAB) next.delete(DETAIL_TAB_PARAM);
            else next.set(DETAIL_TAB_PARAM, detail.activeTabId);
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
              <InstanceSecurityGroups instance={instance} />
              <InstanceDisksSection instance={instance} />
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
          id: CONSOLE_TAB_ID,
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
