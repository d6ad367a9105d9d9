import type { FleetAnswer } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceListPage } from '@/features/instances';
import { makeInstance } from '../fixtures';
import { stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const FLEET_PATH = 'GET /api/regions/cn-hangzhou/instances';

function fleetAnswer(): FleetAnswer {
  const instances = [
    makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Running', tags: { env: 'prod' } }),
    makeInstance({ InstanceId: 'i-web2', InstanceName: 'web-2', Status: 'Running', tags: { env: 'staging' } }),
    makeInstance({
      InstanceId: 'i-db1',
      InstanceName: 'db-1',
      Status: 'Stopped',
      tags: { env: 'prod' },
      EipAddress: { IpAddress: '47.96.83.17', AllocationId: 'eip-bp19xyz' },
    }),
  ];
  return {
    regionId: 'cn-hangzhou',
    instances,
    totalCount: 3,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00.000Z',
    version: 'v1',
  };
}

async function renderList(role: 'viewer' | 'operator' = 'operator') {
  const api = stubApi({ [FLEET_PATH]: () => Response.json(fleetAnswer()) });
  const rendered = renderInConsole(<InstanceListPage />, { session: makeSession(role) });
  await screen.findByRole('link', { name: 'i-web1' });
  return { api, ...rendered };
}

const rowOf = (id: string) => screen.getByRole('link', { name: id }).closest('tr') as HTMLElement;

describe('instance table', () => {
  it("lists the region's instances with their status, and loads them as a request of the user", async () => {
    const { api } = await renderList();
    for (const id of ['i-web1', 'i-web2', 'i-db1']) expect(screen.getByRole('link', { name: id })).toBeInTheDocument();
    expect(within(rowOf('i-db1')).getByText('Stopped')).toBeInTheDocument();
    expect(within(rowOf('i-web1')).getByText('Running')).toBeInTheDocument();
    const [firstLoad] = api.to(FLEET_PATH);
    expect(firstLoad?.headers.has('x-console-background')).toBe(false);
  });

  it('filters by free text', async () => {
    const { user } = await renderList();
    await user.type(screen.getByRole('combobox', { name: 'Filter instances' }), 'web');
    await user.click(await screen.findByRole('option', { name: 'Use: "web"' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'i-db1' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'i-web1' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'i-web2' })).toBeInTheDocument();
  });

  it('offers the actions the selection allows', async () => {
    const { user } = await renderList();
    await user.click(screen.getByRole('checkbox', { name: 'Select web-1' }));
    await user.click(screen.getByRole('button', { name: 'Instance state' }));
    expect(await screen.findByRole('menuitem', { name: 'Stop' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Start' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('lets a viewer act on nothing', async () => {
    const { user } = await renderList('viewer');
    await user.click(screen.getByRole('checkbox', { name: 'Select db-1' }));
    await user.click(screen.getByRole('button', { name: 'Instance state' }));
    expect(await screen.findByRole('menuitem', { name: 'Start' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('refreshes on Refresh as a request of the user, not a background one', async () => {
    const { api, user } = await renderList();
    await user.click(screen.getByRole('button', { name: 'Refresh instances' }));
    await waitFor(() => expect(api.to(FLEET_PATH)).toHaveLength(2));
    expect(api.to(FLEET_PATH).map((request) => request.headers.has('x-console-background'))).toEqual([false, false]);
  });

  it('shows an Elastic IP as its address with an EIP label, apart from the allocation ID', async () => {
    await renderList();
    expect(within(rowOf('i-db1')).getByText('47.96.83.17')).toHaveTextContent(/^47\.96\.83\.17 EIP$/);
    const label = within(rowOf('i-db1')).getByText('EIP');
    expect(label.closest('[title]')).toHaveAttribute('title', 'Elastic IP eip-bp19xyz');
    expect(rowOf('i-db1').textContent).not.toContain('47.96.83.17eip');
  });
});
