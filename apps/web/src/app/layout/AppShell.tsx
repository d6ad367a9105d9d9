import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useMatches } from 'react-router';
import { useRouterFollow } from '@/components/InternalLink';
import { Notifications, useConsoleWarningNotifications } from '@/components/notifications';
import { isRouteHandle } from '../route-handle';
import { EmulatorBanner } from './EmulatorBanner';
import { SideNav } from './SideNav';
import { MainContent, SkipLink } from './SkipLink';
import { TopBar } from './TopBar';

/** The frame of every signed-in page: top bar, side navigation, notifications and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const onFollow = useRouterFollow();
  const [navigationOpen, setNavigationOpen] = useState(true);
  const matches = useMatches();
  useConsoleWarningNotifications();

  const handles = matches.flatMap((match) => (isRouteHandle(match.handle) ? [{ match, handle: match.handle }] : []));
  const breadcrumbs = handles.flatMap(({ match, handle }) =>
    handle.breadcrumb ? [{ text: handle.breadcrumb(match.params, t), href: match.pathname }] : [],
  );
  const contentType = handles.findLast(({ handle }) => handle.contentType)?.handle.contentType;

  return (
    <>
      <SkipLink />
      {/* Cloudscape's documented way to keep the top navigation above the layout. */}
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopBar />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={<SideNav />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        toolsHide
        // Results stay in view however far the page is scrolled.
        stickyNotifications
        contentType={contentType}
        notifications={
          <SpaceBetween size="xs">
            <EmulatorBanner />
            <Notifications />
          </SpaceBetween>
        }
        breadcrumbs={
          // A single crumb only repeats the page title.
          breadcrumbs.length > 1 && (
            <BreadcrumbGroup items={breadcrumbs} onFollow={onFollow} ariaLabel={t('nav.breadcrumbs')} />
          )
        }
        content={
          <MainContent>
            <Outlet />
          </MainContent>
        }
      />
    </>
  );
}
