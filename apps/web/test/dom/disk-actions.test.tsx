import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiskActions } from '@/features/disks';
import { makeDisk, makeInstance, makeSnapshot } from '../fixtures';
import { DiskListObserver, openMenuAction, ok, regionLists, REGION } from './disk-actions-support';
import { apiError, stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const web1 = makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Running' });
const db1 = makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Stopped' });
const data1 = makeDisk({ DiskId: 'd-data1', DiskName: 'data-1', InstanceId: 'i-web1' });
const data2 = makeDisk({ DiskId: 'd-data2', DiskName: 'data-2', InstanceId: 'i-db1', Device: '/dev/xvdc' });
const system1 = makeDisk({
  DiskId: 'd-sys1',
  DiskName: 'sys-1',
  Type: 'system',
  Portable: false,
  InstanceId: 'i-web1',
});
const spare = makeDisk({ DiskId: 'd-spare', DiskName: 'spare', Status: 'Available', InstanceId: '', Device: '' });

const MENU_ITEMS = ['Resize', 'Modify attributes', 'Re-initialize', 'Roll back to snapshot', 'Delete'];

/** The menu item whose accessible name starts with `name` (a disabled one also carries its reason). */
async function menuItem(user: ReturnType<typeof renderInConsole>['user'], name: string) {
  await user.click(screen.getByRole('button', { name: 'Actions' }));
  return screen.findByRole('menuitem', { name: new RegExp(`^${name}`) });
}

describe('roles', () => {
  it('shows a viewer every write disabled, saying why', async () => {
    stubApi(regionLists({ instances: [web1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1]} />, {
      session: makeSession('viewer'),
    });
    for (const name of ['Attach', 'Detach', 'Create snapshot', 'Create disk']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    }
    await user.hover(screen.getByRole('button', { name: 'Detach' }));
    expect(await screen.findAllByText('Your role does not allow this action.')).not.toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(MENU_ITEMS);
    for (const item of items) expect(item).toHaveAttribute('aria-disabled', 'true');
  });

  it('lets an operator create a snapshot and nothing else', async () => {
    stubApi(regionLists({ instances: [web1] }));
    renderInConsole(<DiskActions regionId={REGION} disks={[data1]} />, { session: makeSession('operator') });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Create snapshot' })).not.toHaveAttribute('aria-disabled'),
    );
    for (const name of ['Attach', 'Detach', 'Create disk']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    }
  });
});

describe('disabled reasons', () => {
  it('keeps a system disk on its instance', async () => {
    stubApi(regionLists({ instances: [web1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[system1]} />);
    const detach = screen.getByRole('button', { name: 'Detach' });
    expect(detach).toHaveAttribute('aria-disabled', 'true');
    await user.hover(detach);
    expect(
      await screen.findAllByText('d-sys1 (sys-1) is a system disk: it stays on its instance and is released with it.'),
    ).not.toHaveLength(0);
  });

  it('asks for the instance to be stopped before re-initialising or rolling back', async () => {
    stubApi(regionLists({ instances: [web1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1]} />);
    for (const name of ['Re-initialize', 'Roll back to snapshot']) {
      const item = await menuItem(user, name);
      await waitFor(() => expect(item).toHaveAttribute('aria-disabled', 'true'));
      await user.hover(item);
      expect(
        await screen.findAllByText('d-data1 (data-1) is on i-web1 (web-1), which is Running: stop the instance first.'),
      ).not.toHaveLength(0);
      await user.click(screen.getByRole('button', { name: 'Actions' }));
    }
  });

  it('deletes only Available disks, and says which selected ones are not', async () => {
    stubApi(regionLists({ instances: [web1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[spare, data1]} />);
    const item = await menuItem(user, 'Delete');
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.hover(item);
    expect(
      await screen.findAllByText('d-data1 (data-1) is In use: this needs a disk that is Available.'),
    ).not.toHaveLength(0);
  });

  it("on the disk page, waits for the disk's snapshot in progress", async () => {
    const taking = makeSnapshot({ SnapshotId: 's-taking', SourceDiskId: 'd-data1', Status: 'progressing' });
    stubApi(regionLists({ instances: [web1], snapshots: [taking] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1]} variant="detail" />);
    const snapshot = screen.getByRole('button', { name: 'Create snapshot' });
    await waitFor(() => expect(snapshot).toHaveAttribute('aria-disabled', 'true'));
    await user.hover(snapshot);
    expect(
      await screen.findAllByText('A snapshot of d-data1 (data-1) is being taken: wait until it is done.'),
    ).not.toHaveLength(0);
    // The disk page has no Create disk: it is about this disk.
    expect(screen.queryByRole('button', { name: 'Create disk' })).not.toBeInTheDocument();
  });

  it('needs one disk for single-disk actions', async () => {
    stubApi(regionLists({ instances: [web1, db1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1, data2]} />);
    await user.hover(screen.getByRole('button', { name: 'Create snapshot' }));
    expect(await screen.findAllByText('Select exactly one disk for this action.')).not.toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Detach' })).not.toHaveAttribute('aria-disabled'));
  });
});

describe('detach (batch)', () => {
  it('detaches each disk from its own instance, reports one summary, and asks for just those disks again', async () => {
    const api = stubApi({
      ...regionLists({ instances: [web1, db1], disks: [data1, data2] }),
      'POST /api/ecs/DetachDisk': ok('DETACH-1'),
    });
    const { user } = renderInConsole(
      <>
        <DiskListObserver />
        <DiskActions regionId={REGION} disks={[data1, data2]} notShownIds={new Set(['d-data2'])} />
      </>,
    );
    await waitFor(() => expect(screen.getByRole('status', { name: 'Disks listed' })).toHaveTextContent('2'));
    const detach = screen.getByRole('button', { name: 'Detach' });
    await waitFor(() => expect(detach).not.toHaveAttribute('aria-disabled'));
    await user.click(detach);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Detach 2 disks')).toBeInTheDocument();
    expect(within(dialog).getByText(/^1 of these is not shown in the list/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Detach' }));

    expect(await screen.findByText('2 detaching')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DetachDisk').map((request) => request.body)).toEqual(
      expect.arrayContaining([
        { RegionId: REGION, DiskId: 'd-data1', InstanceId: 'i-web1' },
        { RegionId: REGION, DiskId: 'd-data2', InstanceId: 'i-db1' },
      ]),
    );
    await waitFor(() =>
      expect(api.sent.map((request) => request.path)).toContain(`/api/regions/${REGION}/disks?ids=d-data1,d-data2`),
    );
  });
});

describe('results', () => {
  it("shows ECS's code, message and RequestId when it refuses", async () => {
    stubApi({
      ...regionLists({ instances: [] }),
      'POST /api/ecs/DeleteDisk': apiError(
        403,
        'DiskCreatingSnapshot',
        'A snapshot of the disk "d-spare" is being created.',
        'ECS-REQ-42',
      ),
    });
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[spare]} />);
    const dialog = await openMenuAction(user, 'Delete');
    await user.type(within(dialog).getByRole('textbox'), 'd-spare{Enter}');

    expect(await screen.findByText('Could not delete d-spare (spare)')).toBeInTheDocument();
    expect(screen.getByText('A snapshot of the disk "d-spare" is being created.')).toBeInTheDocument();
    expect(screen.getByText('DiskCreatingSnapshot')).toBeInTheDocument();
    expect(screen.getByText('ECS-REQ-42')).toBeInTheDocument();
  });
});
