import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiskActions } from '@/features/disks';
import { makeDisk, makeInstance } from '../fixtures';
import { openMenuAction, ok, regionLists, REGION } from './disk-actions-support';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const stopped = makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Stopped' });
const fromSnapshot = makeDisk({
  DiskId: 'd-data1',
  DiskName: 'data-1',
  InstanceId: 'i-web1',
  SourceSnapshotId: 's-golden',
});
const system = makeDisk({
  DiskId: 'd-sys1',
  DiskName: 'sys-1',
  Type: 'system',
  Portable: false,
  InstanceId: 'i-web1',
  ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
});

async function openReInit(disk: typeof system) {
  const rendered = renderInConsole(<DiskActions regionId={REGION} disks={[disk]} variant="detail" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Create snapshot' })).not.toHaveAttribute('aria-disabled'),
  );
  const dialog = await openMenuAction(rendered.user, 'Re-initialize');
  return { ...rendered, dialog };
}

describe('re-initialise a disk', () => {
  it('says the system disk returns to its image and its data is lost, and needs the disk ID typed', async () => {
    const api = stubApi({
      ...regionLists({ instances: [stopped] }),
      'POST /api/ecs/ReInitDisk': ok('REINIT-1'),
    });
    const { user, dialog } = await openReInit(system);
    expect(
      within(dialog).getByText(
        'The system disk returns to the image it was created from (ubuntu_22_04_x64_20G_alibase_20240101.vhd). Everything written to it since is lost. This cannot be undone.',
      ),
    ).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Re-initialize' });
    await user.type(within(dialog).getByRole('textbox'), 'd-sys{Enter}');
    expect(confirm).toBeDisabled();
    expect(api.to('POST /api/ecs/ReInitDisk')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox'), '1');
    await user.click(within(dialog).getByRole('checkbox', { name: /Start the instance afterwards/ }));
    await user.click(confirm);
    expect(await screen.findByText('Re-initialize requested for d-sys1 (sys-1)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ReInitDisk').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-sys1', AutoStartInstance: true },
    ]);
  });

  it('says a data disk made from a snapshot returns to that snapshot', async () => {
    stubApi(regionLists({ instances: [stopped] }));
    const { dialog } = await openReInit(fromSnapshot);
    expect(
      within(dialog).getByText(/^The disk returns to the snapshot it was created from \(s-golden\)\./),
    ).toBeInTheDocument();
  });
});
