import type { DiskListAnswer, DiskSummary, FleetAnswer } from '@ecs-console/contract';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisksPage } from '@/features/disks';
import { makeDisk, makeInstance } from '../fixtures';
import { stubApi, type SentRequest } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

// Rendering a table takes a while on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

const DISKS = 'GET /api/regions/cn-hangzhou/disks';
const INSTANCES = 'GET /api/regions/cn-hangzhou/instances';

const systemDisk = makeDisk({
  DiskId: 'd-sys1',
  DiskName: 'web-1-system',
  Type: 'system',
  Category: 'cloud_essd',
  PerformanceLevel: 'PL0',
  Size: 40,
  InstanceId: 'i-web1',
  Device: '/dev/xvda',
  tags: { env: 'prod' },
});
const dataDisk = makeDisk({
  DiskId: 'd-data1',
  DiskName: 'db-data',
  Category: 'cloud_auto',
  Size: 500,
  InstanceId: 'i-db1',
  tags: { env: 'staging' },
});
const spareDisk = makeDisk({
  DiskId: 'd-spare',
  DiskName: 'spare',
  Status: 'Available',
  Category: 'cloud_efficiency',
  PerformanceLevel: undefined,
  InstanceId: '',
  Device: '',
});

function diskList(disks: readonly DiskSummary[], version = 'v1'): DiskListAnswer {
  return {
    regionId: 'cn-hangzhou',
    disks,
    totalCount: disks.length,
    pages: 1,
    fetchedAt: '2026-11-30T10:00:00Z',
    version,
  };
}

const fleet: FleetAnswer = {
  regionId: 'cn-hangzhou',
  instances: [
    makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1' }),
    makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Stopped' }),
  ],
  totalCount: 2,
  pages: 1,
  fetchedAt: '2026-11-30T10:00:00Z',
  version: 'v1',
};

const idsOf = (request: SentRequest) => new URL(request.path, 'http://console.test').searchParams.get('ids');

async function renderDisks(disks: () => readonly DiskSummary[] = () => [systemDisk, dataDisk, spareDisk]) {
  const api = stubApi({
    [DISKS]: (request) => {
      const ids = idsOf(request);
      if (ids === null) return Response.json(diskList(disks()));
      const requestedIds = ids.split(',');
      return Response.json({
        regionId: 'cn-hangzhou',
        disks: disks().filter((disk) => requestedIds.includes(disk.DiskId)),
        requestedIds,
        fetchedAt: '2026-11-30T10:00:05Z',
      });
    },
    [INSTANCES]: () => Response.json(fleet),
  });
  const rendered = renderInConsole(<DisksPage />, {
    session: makeSession('admin'),
    initialUrl: '/disks?region=cn-hangzhou',
  });
  await screen.findByRole('link', { name: disks()[0]!.DiskId });
  return { api, ...rendered };
}

const rowOf = (id: string) => screen.getByRole('link', { name: id }).closest('tr') as HTMLElement;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('disk table', () => {
  it('lists every disk with its status, readable category, size, type and linked instance by name', async () => {
    const { api } = await renderDisks();
    expect(screen.getByRole('link', { name: 'd-sys1' })).toHaveAttribute('href', '/disks/cn-hangzhou/d-sys1');
    const system = within(rowOf('d-sys1'));
    expect(system.getByText('In use')).toBeInTheDocument();
    expect(system.getByText('ESSD PL0')).toBeInTheDocument();
    expect(system.getByText('40 GiB')).toBeInTheDocument();
    expect(system.getByText('System disk')).toBeInTheDocument();
    await waitFor(() => expect(system.getByText('web-1')).toBeInTheDocument());
    expect(system.getByRole('link', { name: 'i-web1' })).toHaveAttribute('href', '/instances/cn-hangzhou/i-web1');
    expect(within(rowOf('d-data1')).getByText('ESSD AutoPL')).toBeInTheDocument();
    expect(within(rowOf('d-spare')).getByText('Ultra disk')).toBeInTheDocument();
    expect(within(rowOf('d-spare')).getByText('Available')).toBeInTheDocument();
    // Each ID has its copy button.
    expect(screen.getByRole('button', { name: 'Copy d-spare' })).toBeInTheDocument();
    expect(api.to(DISKS)[0]?.headers.has('x-console-background')).toBe(false);
  });

  it('counts disks by status in the header and offers the disk actions for the selection', async () => {
    const { user } = await renderDisks();
    expect(screen.getByText('(3)')).toBeInTheDocument();
    // Two disks in use (their rows and the count), one available.
    const countOf = (text: string) => screen.queryAllByText((_, element) => element?.textContent === text);
    expect(countOf('In use 2').length).toBeGreaterThan(0);
    expect(countOf('Available 1').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Create disk' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select spare' }));
    expect(screen.getByText('(1/3)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Attach' })).toBeEnabled();
  });

  it('filters by free text and says how many match', async () => {
    const { user } = await renderDisks();
    const filter = screen.getByRole('combobox', { name: 'Filter disks' });
    await user.type(filter, 'spare');
    await user.click(await screen.findByRole('option', { name: 'Use: "spare"' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'd-sys1' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'd-spare' })).toBeInTheDocument();
    expect(screen.getAllByText('1 match').length).toBeGreaterThan(0);
  });

  it('filters by a tag typed as tag:<key> = <value>', async () => {
    const { user } = await renderDisks();
    const filter = screen.getByRole('combobox', { name: 'Filter disks' });
    await user.type(filter, 'tag:env = ');
    await user.click(await screen.findByRole('option', { name: /prod/ }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'd-data1' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'd-sys1' })).toBeInTheDocument();
  });

  it('exports the disks the filter lets through as CSV', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:disks');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const { user } = await renderDisks();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(created).toHaveBeenCalledTimes(1);
    const csv = await (created.mock.calls[0]![0] as Blob).text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Disk ID,Name,Status,Category,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['d-sys1', 'd-data1', 'd-spare']);
  });

  it('follows a disk that is attaching, by its ID only, until it is in use', async () => {
    let attaching = true;
    const newDisk = makeDisk({ DiskId: 'd-new', DiskName: 'new', InstanceId: 'i-web1', Device: '' });
    const { api } = await renderDisks(() => [
      systemDisk,
      attaching ? { ...newDisk, Status: 'Attaching' } : { ...newDisk, Device: '/dev/xvdc' },
    ]);
    expect(within(rowOf('d-new')).getByText('Attaching')).toBeInTheDocument();
    attaching = false;
    // The list polls the disks in transition every 2.5 s.
    await waitFor(() => expect(within(rowOf('d-new')).getByText('In use')).toBeInTheDocument());
    const polls = api.to(DISKS).slice(1);
    expect(polls.map(idsOf)).toContain('d-new');
    expect(polls.every((request) => idsOf(request) === 'd-new')).toBe(true);
    expect(polls.every((request) => request.headers.get('x-console-background') === '1')).toBe(true);
  });
});
