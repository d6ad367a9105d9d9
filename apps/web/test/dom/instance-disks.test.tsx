import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceDisksSection } from '@/features/disks';
import { makeDisk, makeInstance, makeSnapshot } from '../fixtures';
import { ok, regionLists, REGION } from './disk-actions-support';
import { stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const instance = makeInstance({
  InstanceId: 'i-web1',
  InstanceName: 'web-1',
  Status: 'Running',
  ZoneId: 'cn-hangzhou-h',
});
const system = makeDisk({
  DiskId: 'd-sys',
  DiskName: '',
  Type: 'system',
  Device: '/dev/xvda',
  InstanceId: 'i-web1',
  Portable: false,
  DeleteWithInstance: true,
});
const data = makeDisk({ DiskId: 'd-data', DiskName: 'web-data', Device: '/dev/xvdb', InstanceId: 'i-web1' });
const elsewhere = makeDisk({ DiskId: 'd-elsewhere', DiskName: 'other-data', InstanceId: 'i-other' });
const spare = (overrides: Parameters<typeof makeDisk>[0]) =>
  makeDisk({ Status: 'Available', InstanceId: '', Device: '', ZoneId: 'cn-hangzhou-h', ...overrides });

const sectionTable = () => screen.findByRole('table', { name: 'Disks' });
const button = (name: string) => screen.getByRole('button', { name });

describe("the instance page's disks section", () => {
  it('lists the system disk first, then the data disks, each linked to its page, and no other disk', async () => {
    stubApi(regionLists({ instances: [instance], disks: [data, elsewhere, system] }));
    renderInConsole(<InstanceDisksSection instance={instance} />);

    const table = await sectionTable();
    await within(table).findByText('web-data');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'd-sys' })).toHaveAttribute('href', `/disks/${REGION}/d-sys`);
    expect(within(rows[1]!).getByRole('link', { name: 'd-data' })).toHaveAttribute('href', `/disks/${REGION}/d-data`);
    expect(within(table).queryByText('d-elsewhere')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Disks/ })).toHaveTextContent('(2)');
  });

  it("attaches an existing disk: only the zone's Available portable data disks are offered", async () => {
    const candidate = spare({ DiskId: 'd-spare', DiskName: 'spare-data' });
    const otherZone = spare({ DiskId: 'd-zone-i', DiskName: 'zone-i-data', ZoneId: 'cn-hangzhou-i' });
    const notPortable = spare({ DiskId: 'd-fixed', DiskName: 'fixed-data', Portable: false });
    const api = stubApi({
      ...regionLists({ instances: [instance], disks: [system, data, candidate, otherZone, notPortable, elsewhere] }),
      'POST /api/ecs/AttachDisk': ok('ATTACH-1'),
    });
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />);
    await within(await sectionTable()).findByText('web-data');

    await user.click(button('Attach disk'));
    await user.click(await screen.findByRole('menuitem', { name: 'Attach an existing disk' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Attach a disk to web-1' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /Choose a disk/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([expect.stringContaining('spare-data (d-spare)')]);
    await user.click(options[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));

    await waitFor(() => expect(api.to('POST /api/ecs/AttachDisk')).toHaveLength(1));
    expect(api.to('POST /api/ecs/AttachDisk')[0]!.body).toEqual({
      RegionId: REGION,
      DiskId: 'd-spare',
      InstanceId: 'i-web1',
      DeleteWithInstance: false,
    });
    expect(await screen.findByText('Attach requested for d-spare (spare-data)')).toBeInTheDocument();
  });

  it('asks for a disk before attaching, and says when the zone has none', async () => {
    const api = stubApi({ ...regionLists({ instances: [instance], disks: [system, data] }) });
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />);
    await within(await sectionTable()).findByText('web-data');
    await user.click(button('Attach disk'));
    await user.click(await screen.findByRole('menuitem', { name: 'Attach an existing disk' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(
        'No disk of zone cn-hangzhou-h is available to attach. Create a new one instead.',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(within(dialog).getByText('Choose a disk.')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/AttachDisk')).toHaveLength(0);
  });

  it("opens the create form for the instance's zone, to attach the new disk", async () => {
    stubApi({
      ...regionLists({ instances: [instance], disks: [system, data] }),
      'POST /api/ecs/DescribeZones': () => Response.json({ Zones: { Zone: [] } }),
    });
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />);
    await within(await sectionTable()).findByText('web-data');
    await user.click(button('Attach disk'));
    await user.click(await screen.findByRole('menuitem', { name: 'Create and attach a new disk' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: /Create a disk for/ })).toBeInTheDocument();
  });

  it('detaches, resizes and snapshots the selected data disk; the system disk stays, with the reason', async () => {
    const api = stubApi({
      ...regionLists({ instances: [instance], disks: [system, data] }),
      'POST /api/ecs/DetachDisk': ok('DETACH-1'),
    });
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />);
    const table = await sectionTable();
    await within(table).findByText('web-data');
    for (const action of ['Detach', 'Resize', 'Create snapshot']) {
      expect(button(action)).toHaveAttribute('aria-disabled', 'true');
    }

    await user.click(within(table).getByRole('radio', { name: 'Select d-sys' }));
    expect(button('Detach')).toHaveAccessibleDescription(/is a system disk/);
    expect(button('Resize')).not.toHaveAttribute('aria-disabled');

    await user.click(within(table).getByRole('radio', { name: 'Select web-data' }));
    await user.click(button('Detach'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Detach' }));
    await waitFor(() => expect(api.to('POST /api/ecs/DetachDisk')).toHaveLength(1));
    expect(api.to('POST /api/ecs/DetachDisk')[0]!.body).toEqual({
      RegionId: REGION,
      DiskId: 'd-data',
      InstanceId: 'i-web1',
    });
  });

  it('waits for a snapshot in progress before resizing or taking another', async () => {
    const taking = makeSnapshot({
      SnapshotId: 's-taking',
      SourceDiskId: 'd-data',
      Status: 'progressing',
      Progress: '10%',
    });
    stubApi(regionLists({ instances: [instance], disks: [system, data], snapshots: [taking] }));
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />);
    const table = await sectionTable();
    await user.click(await within(table).findByRole('radio', { name: 'Select web-data' }));
    await waitFor(() =>
      expect(button('Create snapshot')).toHaveAccessibleDescription(/A snapshot of .* is being taken/),
    );
    expect(button('Resize')).toHaveAttribute('aria-disabled', 'true');
  });

  it('lets a viewer see the disks but not change them', async () => {
    stubApi(regionLists({ instances: [instance], disks: [system, data] }));
    const { user } = renderInConsole(<InstanceDisksSection instance={instance} />, { session: makeSession('viewer') });
    const table = await sectionTable();
    await user.click(await within(table).findByRole('radio', { name: 'Select web-data' }));
    expect(button('Attach disk')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Attach disk')).toHaveAccessibleDescription('Attaching disks needs the admin role.');
    for (const action of ['Detach', 'Resize', 'Create snapshot']) {
      expect(button(action)).toHaveAttribute('aria-disabled', 'true');
    }
  });

  it('disables attaching while the instance is neither running nor stopped', async () => {
    const starting = { ...instance, Status: 'Starting' as const };
    stubApi(regionLists({ instances: [starting], disks: [system, data] }));
    renderInConsole(<InstanceDisksSection instance={starting} />);
    await within(await sectionTable()).findByText('web-data');
    expect(button('Attach disk')).toHaveAccessibleDescription(
      'Disks can be attached when the instance is Running or Stopped; it is Starting.',
    );
  });
});
