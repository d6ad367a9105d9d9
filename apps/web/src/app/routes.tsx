import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { LoginPage, RequireRole, RequireSession } from '@/features/auth';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PageSpinner } from './PageSpinner';
import type { RouteHandle } from './route-handle';
import { RouteErrorPage } from './RouteErrorPage';

const handle = (value: RouteHandle) => value;

// Pages load on first visit, so signing in does not wait for the code of every screen.
const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      { path: '/login', element: <LoginPage /> },
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
            lazy: async () => ({ Component: (await import('@/features/disks')).DisksPage }),
          },
          {
            path: 'snapshots',
            lazy: async () => ({ Component: (await import('@/features/snapshots')).SnapshotsPage }),
          },
          {
            path: 'security-groups',
            lazy: async () => ({ Component: (await import('@/features/security-groups')).SecurityGroupsPage }),
          },
          {
            path: 'audit',
            handle: handle({ contentType: 'table' }),
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
            handle: handle({ contentType: 'table' }),
            element: (
              <RequireRole role="admin">
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('@/features/users')).UsersPage }) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
