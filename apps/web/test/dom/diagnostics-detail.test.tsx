import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VncLaunchAnswer } from '@ecs-console/contract';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { ConnectButton, VncConsoleTab } from '@/features/diagnostics';
import { InstanceDetailTabs } from '@/features/instances/components/InstanceDetailTabs';
import { InstanceNetwork } from '@/features/instances/components/InstanceNetwork';
import { InstanceOverview } from '@/features/instances/components/InstanceOverview';
import { SESSION_QUERY_KEY, SessionContext } from '@/lib/session';
import { makeInstance } from '../fixtures';
import { stubApi } from './fetch-stub';
import { makeSession } from './render';

const instance = makeInstance({ InstanceId: 'i-detail1', InstanceName: 'web-1', Status: 'Running' });
const DETAIL_PATH = '/instances/:regionId/:instanceId';

/** Where the router is now, shown so the test can read the URL the page keeps. */
function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

/** `ui` on the instance page's route at `url`, signed in as `role`. */
function renderAt(url: string, ui: ReactNode, role: 'viewer' | 'operator' = 'operator') {
  const session = makeSession(role);
  const queryClient = createQueryClient();
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <SessionContext value={session}>
          <Routes>
            <Route
              path={DETAIL_PATH}
              element={
                <>
                  {ui}
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </SessionContext>
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, location: () => screen.getByRole('status', { name: 'location' }).textContent };
}

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the detail tab in the URL', () => {
  // The Details tab's disks section reads the region's disk and snapshot lists.
  const emptyList = (key: string) => () =>
    Response.json({ regionId: 'cn-hangzhou', [key]: [], totalCount: 0, pages: 1, fetchedAt: '', version: '0' });
  const stubDisks = () =>
    stubApi({
      'GET /api/regions/cn-hangzhou/disks': emptyList('disks'),
      'GET /api/regions/cn-hangzhou/snapshots': emptyList('snapshots'),
    });

  it('opens the tab the URL names, and a switch of tab is written to the URL', async () => {
    stubDisks();
    const { user, location } = renderAt(
      '/instances/cn-hangzhou/i-detail1?tab=consoleOutput',
      <InstanceDetailTabs instance={instance} />,
    );
    expect(selectedTab()).toHaveTextContent('Console output');

    await user.click(screen.getByRole('tab', { name: 'Monitoring' }));
    expect(location()).toBe('/instances/cn-hangzhou/i-detail1?tab=monitoring');
    expect(selectedTab()).toHaveTextContent('Monitoring');

    // The default tab keeps the address clean.
    await user.click(screen.getByRole('tab', { name: 'Details' }));
    expect(location()).toBe('/instances/cn-hangzhou/i-detail1');
  });

  it('falls back to Details for a tab it does not know', () => {
    stubDisks();
    renderAt('/instances/cn-hangzhou/i-detail1?tab=nonsense', <InstanceDetailTabs instance={instance} />);
    expect(selectedTab()).toHaveTextContent('Details');
    expect(screen.getByRole('heading', { name: 'Instance summary' })).toBeVisible();
  });
});

describe('the Elastic IP on the detail page', () => {
  it('shows the address, and the allocation ID apart from it', () => {
    const withEip = makeInstance({
      EipAddress: { AllocationId: 'eip-bp19kto20mtt6k3zbvvg', IpAddress: '47.96.83.17', Bandwidth: 5 },
    });
    renderAt('/instances/cn-hangzhou/i-detail1', <InstanceNetwork instance={withEip} />);
    // The address is text of its own (copyable), never run together with the ID.
    expect(screen.getAllByText('47.96.83.17')).toHaveLength(2);
    expect(screen.getByText('Allocation ID eip-bp19kto20mtt6k3zbvvg')).toBeVisible();
    expect(screen.queryByText(/47\.96\.83\.17\s*eip-/)).not.toBeInTheDocument();
    expect(screen.getByText('Elastic IP', { selector: 'small' })).toBeVisible();
    expect(screen.getByText('5 Mbit/s (Elastic IP)')).toBeVisible();
  });

  it('shows no allocation and no bandwidth figure when the instance has no public address', () => {
    renderAt(
      '/instances/cn-hangzhou/i-detail1',
      <InstanceNetwork instance={makeInstance({ EipAddress: {}, InternetMaxBandwidthOut: 0 })} />,
    );
    expect(screen.queryByText(/Allocation ID/)).not.toBeInTheDocument();
    expect(screen.getByText('- (no public IP)')).toBeVisible();
    expect(screen.queryByText('0 Mbit/s outbound')).not.toBeInTheDocument();
  });
});

const LAUNCH: VncLaunchAnswer = {
  websocketUrl: 'ws://127.0.0.1/vnc?token=t1',
  consoleUrl: 'https://g.alicdn.com/aliyun/ecs-console-vnc2/0.0.8/index.html?vncUrl=x',
  isWindows: false,
  expiresAt: '2099-01-01T00:00:00.000Z',
};
/** As the BFF answers: valid for 15 seconds from now. */
const freshLaunch = () => Response.json({ ...LAUNCH, expiresAt: new Date(Date.now() + 15_000).toISOString() });

describe('the instance summary', () => {
  it('names operation locks by what they mean', () => {
    const locked = makeInstance({
      OperationLocks: { LockReason: [{ LockReason: 'financial' }, { LockReason: 'odd' }] },
    });
    renderAt('/instances/cn-hangzhou/i-detail1', <InstanceOverview instance={locked} />);
    expect(screen.getByText('Financial (overdue payment), odd')).toBeVisible();
  });
});

describe('one Connect control on the console tab', () => {
  const consoleTab = <VncConsoleTab regionId="cn-hangzhou" instanceId="i-detail1" status="Running" />;

  it('is one Connect whose menu offers the embedded viewer and Alibaba Cloud’s page', async () => {
    stubApi({});
    const { user } = renderAt('/instances/cn-hangzhou/i-detail1?tab=console', consoleTab);
    expect(screen.getAllByRole('button', { name: 'Connect' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Ways to connect' }));
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual([
      expect.stringContaining('Embedded viewer'),
      expect.stringContaining('Alibaba Cloud VNC page'),
    ]);
  });

  it('opens Alibaba Cloud’s page in a new tab with a fresh address, detached from the console', async () => {
    const api = stubApi({ 'POST /api/instances/cn-hangzhou/i-detail1/vnc': () => Response.json(LAUNCH) });
    const newTab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(newTab as unknown as Window);
    const { user } = renderAt('/instances/cn-hangzhou/i-detail1?tab=console', consoleTab);

    await user.click(screen.getByRole('button', { name: 'Ways to connect' }));
    await user.click(screen.getByRole('menuitem', { name: /Alibaba Cloud VNC page/ }));

    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(newTab.location.href).toBe(LAUNCH.consoleUrl));
    expect(newTab.opener).toBeNull();
    expect(api.to('POST /api/instances/cn-hangzhou/i-detail1/vnc')).toHaveLength(1);
  });

  it('offers the page as a link when the browser blocks the new tab', async () => {
    stubApi({ 'POST /api/instances/cn-hangzhou/i-detail1/vnc': freshLaunch });
    vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = renderAt('/instances/cn-hangzhou/i-detail1?tab=console', consoleTab);

    await user.click(screen.getByRole('button', { name: 'Ways to connect' }));
    await user.click(screen.getByRole('menuitem', { name: /Alibaba Cloud VNC page/ }));

    const link = await screen.findByRole('link', { name: /Alibaba Cloud VNC page/ });
    expect(link).toHaveAttribute('href', LAUNCH.consoleUrl);
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('tells a viewer why Connect is not for them', () => {
    stubApi({});
    renderAt('/instances/cn-hangzhou/i-detail1?tab=console', consoleTab, 'viewer');
    const connect = screen.getByRole('button', { name: 'Connect' });
    expect(connect).toHaveAttribute('aria-disabled', 'true');
    expect(connect).toHaveAccessibleDescription('Opening a console needs the operator role.');
  });

  it('leaves the page header without its Connect on the console tab, where the tab’s own is', () => {
    renderAt(
      '/instances/cn-hangzhou/i-detail1?tab=console',
      <ConnectButton statuses={['Running']} onConnect={() => undefined} />,
    );
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
  });

  it('keeps the page header’s Connect on the other tabs', async () => {
    const onConnect = vi.fn();
    const { user } = renderAt(
      '/instances/cn-hangzhou/i-detail1?tab=screenshot',
      <ConnectButton statuses={['Running']} onConnect={onConnect} />,
    );
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(onConnect).toHaveBeenCalledTimes(1);
  });
});
