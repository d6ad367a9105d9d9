import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { LoginPage, RequireRole, RequireSession } from '@/features/auth';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PageSpinner } from './PageSpinner';
import { usePageTitle } from './page-title';
import type { RouteHandle } from './route-handle';
import { RouteErrorPage } from './RouteErrorPage';

const handle = (value: RouteHandle) => value;

/** The root of every page, signed in or not: it keeps the document title in step with the route. */
function TitledOutlet() {
  usePageTitle();
  return <Outlet />;
}

// Pages load on first visit, so signing in does not wait for the code of every screen.
export const routes: RouteObject[] = [
  {
    element: <TitledOutlet />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      { path: '/login', handle: handle({ title: (_params, t) => t('feedback.title.signIn') }), element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppShell />
          </RequireSession>
        ),
        children: [
          { index: true, element: <Navigate to="/instances" replace /> },
          {
            path: 'instances',
            handle: handle({ breadcrumb: (_params, t) => t('nav.instances') }),
            children: [
              {
                index: true,
                handle: handle({ contentType: 'table' }),
                lazy: async () => ({ Component: (await import('@/features/instances')).InstanceListPage }),
              },
              {
                path: ':regionId/:instanceId',
                handle: handle({ breadcrumb: (params) => params.instanceId ?? '' }),
                lazy: async () => ({ Component: (await import('@/features/instances')).InstanceDetailPage }),
              },
            ],
          },
          {
            path: 'disks',
            handle: handle({ breadcrumb: (_params, t) => t('nav.disks') }),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('@/features/disks')).DisksPage }) },
              {
                path: ':regionId/:diskId',
                handle: handle({ breadcrumb: (params) => params.diskId ?? '' }),
                lazy: async () => ({ Component: (await import('@/features/disks')).DiskDetailPage }),
              },
            ],
          },
          {
            path: 'snapshots',
            handle: handle({ breadcrumb: (_params, t) => t('nav.snapshots') }),
            lazy: async () => ({ Component: (await import('@/features/snapshots')).SnapshotsPage }),
          },
          {
            path: 'security-groups',
            handle: handle({ breadcrumb: (_params, t) => t('nav.securityGroups') }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('@/features/security-groups')).SecurityGroupsPage }),
              },
              {
                path: ':regionId/:groupId',
                handle: handle({ breadcrumb: (params) => params.groupId ?? '' }),
                lazy: async () => ({ Component: (await import('@/features/security-groups')).SecurityGroupDetailPage }),
              },
            ],
          },
          {
            path: 'audit',
            handle: handle({ contentType: 'table', breadcrumb: (_params, t) => t('nav.audit') }),
            element: (
              <RequireRole role="admin">
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('@/features/audit')).AuditPage }) },
            ],
          },
          {
            path: 'users',
            handle: handle({ contentType: 'table', breadcrumb: (_params, t) => t('nav.users') }),
            element: (
              <RequireRole role="admin">
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('@/features/users')).UsersPage }) },
            ],
          },
          {
            path: '*',
            handle: handle({ title: (_params, t) => t('feedback.title.notFound') }),
            element: <NotFoundPage />,
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
