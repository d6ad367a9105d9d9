import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ResizeDiskModal } from '@/features/disks';
import { makeDisk } from '../fixtures';
import { apiError, stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const REGION = 'cn-hangzhou';
const essd = makeDisk({ DiskId: 'd-data', Status: 'In_use', InstanceId: 'i-web1', Category: 'cloud_essd', Size: 100 });
const byId = () =>
  Response.json({ regionId: REGION, requestedIds: ['d-data'], fetchedAt: '2026-12-01T00:00Z', disks: [] });

function renderResize(disk = essd, instance?: { InstanceId: string; Status: string }, resize?: () => Response) {
  const api = stubApi({
    'POST /api/ecs/ResizeDisk': resize ?? (() => Response.json({ RequestId: 'RESIZE-REQ-1' })),
    'GET /api/regions/cn-hangzhou/disks': byId,
  });
  const onDismiss = vi.fn();
  const rendered = renderInConsole(
    <ResizeDiskModal regionId={REGION} disk={disk} instance={instance} visible onDismiss={onDismiss} />,
  );
  return { api, onDismiss, ...rendered };
}

const dialog = () => screen.getByRole('dialog');
const newSize = () => within(dialog()).getByLabelText('New size (GiB)');

describe('resize disk', () => {
  it('grows an ESSD of a running instance online, saying no restart but the in-guest step', async () => {
    const { api, user } = renderResize(essd, { InstanceId: 'i-web1', Status: 'Running' });
    expect(within(dialog()).getByText('Resized online: no restart needed')).toBeInTheDocument();
    expect(
      within(dialog()).getByText(/extend the partition and file system inside the operating system/),
    ).toBeInTheDocument();
    await user.type(newSize(), '200');
    await user.click(within(dialog()).getByRole('button', { name: 'Resize' }));
    expect(await screen.findByText('Disk d-data resized to 200 GiB')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ResizeDisk').map((request) => request.body)).toEqual([
      {
        RegionId: REGION,
        DiskId: 'd-data',
        NewSize: 200,
        Type: 'online',
        ClientToken: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      },
    ]);
  });

  it('grows offline when the instance is stopped, and says a restart is needed', () => {
    renderResize(essd, { InstanceId: 'i-web1', Status: 'Stopped' });
    expect(within(dialog()).getByText('Takes effect after a restart')).toBeInTheDocument();
    expect(within(dialog()).getByText(/takes effect after i-web1 is restarted from the console/)).toBeInTheDocument();
    expect(within(dialog()).getByText('The instance is not running, so the disk grows offline.')).toBeInTheDocument();
  });

  it('says why a basic disk grows offline and sends Type offline', async () => {
    const basic = makeDisk({ DiskId: 'd-data', Status: 'In_use', InstanceId: 'i-web1', Category: 'cloud', Size: 100 });
    const { api, user } = renderResize(basic, { InstanceId: 'i-web1', Status: 'Running' });
    expect(within(dialog()).getByText('Basic disk cannot be resized online.')).toBeInTheDocument();
    await user.type(newSize(), '150');
    await user.click(within(dialog()).getByRole('button', { name: 'Resize' }));
    expect(
      await screen.findByText('Disk d-data resized to 150 GiB: restart i-web1 from the console for it to take effect'),
    ).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ResizeDisk')[0]?.body).toMatchObject({ NewSize: 150, Type: 'offline' });
  });

  it('only grows, up to the category maximum, and sends nothing otherwise', async () => {
    const { api, user } = renderResize(makeDisk({ DiskId: 'd-free', Status: 'Available', InstanceId: '', Size: 100 }));
    expect(within(dialog()).getByText('The disk just grows')).toBeInTheDocument();
    await user.type(newSize(), '80');
    expect(within(dialog()).getByText('Disks only grow: enter more than 100 GiB.')).toBeInTheDocument();
    await user.clear(newSize());
    await user.type(newSize(), '70000');
    expect(within(dialog()).getByText('At most 65,536 GiB for ESSD PL1.')).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Resize' }));
    expect(api.to('POST /api/ecs/ResizeDisk')).toEqual([]);
  });

  it("shows ECS's refusal with its code and RequestId", async () => {
    const { user } = renderResize(essd, { InstanceId: 'i-web1', Status: 'Running' }, () =>
      apiError(403, 'DiskCreatingSnapshot', 'A snapshot of the disk is being created.', 'ECS-RS-1'),
    );
    await user.type(newSize(), '200');
    await user.click(within(dialog()).getByRole('button', { name: 'Resize' }));
    expect(await within(dialog()).findByText('DiskCreatingSnapshot')).toBeInTheDocument();
    expect(within(dialog()).getByText('ECS-RS-1')).toBeInTheDocument();
  });
});
