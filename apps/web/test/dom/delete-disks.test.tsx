import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiskActions } from '@/features/disks';
import { makeDisk } from '../fixtures';
import { openMenuAction, regionLists, REGION } from './disk-actions-support';
import { apiError, stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const spare = (n: number, overrides: Parameters<typeof makeDisk>[0] = {}) =>
  makeDisk({
    DiskId: `d-spare${n}`,
    DiskName: `spare-${n}`,
    Status: 'Available',
    InstanceId: '',
    Device: '',
    ...overrides,
  });

describe('delete disks', () => {
  it('asks for the number of disks when several are selected, and reports one summary with each failure', async () => {
    const api = stubApi({
      ...regionLists({}),
      'POST /api/ecs/DeleteDisk': ({ body }) =>
        (body as { DiskId: string }).DiskId === 'd-spare2'
          ? apiError(403, 'DiskCreatingSnapshot', 'A snapshot of the disk is being created.', 'ECS-DEL-2')
          : Response.json({ RequestId: 'DEL-OK' }),
    });
    const disks = [spare(1), spare(2, { DeleteAutoSnapshot: false }), spare(3)];
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={disks} />);
    const dialog = await openMenuAction(user, 'Delete');
    expect(within(dialog).getByText('Delete 3 disks')).toBeInTheDocument();
    expect(within(dialog).getByText(/1 of them keeps its automatic snapshots\.$/)).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    await user.type(within(dialog).getByRole('textbox', { name: 'To confirm, type 3' }), 'd-spare1');
    expect(confirm).toBeDisabled();
    await user.clear(within(dialog).getByRole('textbox'));
    await user.type(within(dialog).getByRole('textbox'), '3');
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);

    expect(await screen.findByText('2 deleted, 1 failed: DiskCreatingSnapshot')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteDisk').map((request) => request.body)).toEqual(
      expect.arrayContaining([1, 2, 3].map((n) => ({ RegionId: REGION, DiskId: `d-spare${n}` }))),
    );
    await user.click(screen.getByRole('button', { name: 'Details (3 items)' }));
    expect(screen.getByText('ECS-DEL-2')).toBeInTheDocument();
  });

  it('asks for the disk ID for one disk', async () => {
    stubApi({ ...regionLists({}), 'POST /api/ecs/DeleteDisk': Response.json({ RequestId: 'DEL-1' }) });
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[spare(1)]} />);
    const dialog = await openMenuAction(user, 'Delete');
    expect(within(dialog).getByText(/Its automatic snapshots are deleted with it\.$/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'To confirm, type d-spare1' })).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox'), 'd-spare1{Enter}');
    expect(await screen.findByText('Delete requested for d-spare1 (spare-1)')).toBeInTheDocument();
  });
});
