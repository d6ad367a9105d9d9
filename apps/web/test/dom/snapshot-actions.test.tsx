import type { DiskSummary, Role, SnapshotSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SnapshotActions } from '@/features/snapshots/components/SnapshotActions';
import { makeDisk, makeSnapshot } from '../fixtures';
import { apiError, stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const disk = makeDisk({ DiskId: 'd-src', DiskName: 'data-1', Status: 'In_use' });
const nightly = makeSnapshot({ SnapshotId: 's-nightly', SnapshotName: 'nightly', SourceDiskId: 'd-src' });
const weekly = makeSnapshot({ SnapshotId: 's-weekly', SnapshotName: 'weekly', SourceDiskId: 'd-src' });
const running = makeSnapshot({
  SnapshotId: 's-run',
  SnapshotName: 'running',
  Status: 'progressing',
  Progress: '40%',
  SourceDiskId: 'd-src',
});

const ok = (requestId: string) => () => Response.json({ RequestId: requestId });
/** The snapshot list is asked for again after a delete; these tests read only the delete calls. */
const snapshotsById = () =>
  Response.json({ regionId: 'cn-hangzhou', requestedIds: [], fetchedAt: '2026-12-01T00:00:00Z', snapshots: [] });

function renderActions(
  snapshots: readonly SnapshotSummary[],
  { role = 'admin', disks = [disk] }: { role?: Role; disks?: readonly DiskSummary[] | undefined } = {},
) {
  return renderInConsole(
    <SnapshotActions regionId="cn-hangzhou" snapshots={snapshots} allSnapshots={snapshots} disks={disks} />,
    { session: makeSession(role) },
  );
}

async function menuItem(user: ReturnType<typeof renderInConsole>['user'], name: string) {
  await user.click(screen.getByRole('button', { name: 'Actions' }));
  return screen.findByRole('menuitem', { name: new RegExp(`^${name}`) });
}

async function openDelete(user: ReturnType<typeof renderInConsole>['user']) {
  await user.click(await menuItem(user, 'Delete'));
  return screen.findByRole('dialog');
}

describe('what each role may do', () => {
  it('lets a viewer do nothing, and says why', async () => {
    stubApi({});
    const { user } = renderActions([nightly], { role: 'viewer' });
    const create = screen.getByRole('button', { name: 'Create snapshot' });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    const remove = await menuItem(user, 'Delete');
    for (const name of [/^Create disk from snapshot/, /^Roll back disk to snapshot/, /^Delete/]) {
      expect(screen.getByRole('menuitem', { name })).toHaveAttribute('aria-disabled', 'true');
    }
    await user.hover(remove);
    expect(await screen.findAllByText('Your role does not allow this action.')).not.toHaveLength(0);
  });

  it('lets an operator create snapshots only', async () => {
    stubApi({});
    const { user } = renderActions([nightly], { role: 'operator' });
    expect(screen.getByRole('button', { name: 'Create snapshot' })).not.toHaveAttribute('aria-disabled');
    expect(await menuItem(user, 'Delete')).toHaveAttribute('aria-disabled', 'true');
  });

  it('lets an admin create a disk from and roll back to a completed snapshot of an attached disk', async () => {
    stubApi({});
    const { user } = renderActions([nightly]);
    expect(await menuItem(user, 'Create disk from snapshot')).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: /^Roll back disk/ })).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: /^Delete/ })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

describe('disabled actions say why', () => {
  it('refuses a disk or a roll-back from a snapshot still in progress', async () => {
    stubApi({});
    const { user } = renderActions([running]);
    const createDisk = await menuItem(user, 'Create disk from snapshot');
    expect(createDisk).toHaveAttribute('aria-disabled', 'true');
    await user.hover(createDisk);
    expect(await screen.findAllByText(/^Only a completed snapshot can be used/)).not.toHaveLength(0);
  });

  it('refuses a roll-back once the source disk is deleted', async () => {
    stubApi({});
    const { user } = renderActions([nightly], { disks: [] });
    const rollback = await menuItem(user, 'Roll back disk to snapshot');
    expect(rollback).toHaveAttribute('aria-disabled', 'true');
    await user.hover(rollback);
    expect(await screen.findAllByText(/^The disk this snapshot was taken of has been deleted/)).not.toHaveLength(0);
  });

  it('refuses to delete a snapshot a custom image was made from, naming it', async () => {
    stubApi({});
    const forImage = makeSnapshot({ SnapshotId: 's-img', SnapshotName: 'golden', Usage: 'image' });
    const { user } = renderActions([nightly, forImage]);
    const remove = await menuItem(user, 'Delete');
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await user.hover(remove);
    expect(
      await screen.findAllByText(/^A custom image was created from s-img \(golden\): ECS refuses to delete it/),
    ).not.toHaveLength(0);
  });
});

describe('delete (typed confirmation)', () => {
  it('stays disabled until the snapshot ID is typed, then deletes it without Force', async () => {
    const api = stubApi({
      'POST /api/ecs/DeleteSnapshot': ok('DEL-SNAP-1'),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const { user } = renderActions([nightly]);
    const dialog = await openDelete(user);
    expect(within(dialog).getByText('Delete 1 snapshot')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 's-nightl');
    expect(confirm).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(api.to('POST /api/ecs/DeleteSnapshot')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox'), 'y');
    await user.click(confirm);

    expect(await screen.findByText('Delete requested for s-nightly (nightly)')).toBeInTheDocument();
    expect(screen.getByText('DEL-SNAP-1')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteSnapshot').map((request) => request.body)).toEqual([
      { RegionId: 'cn-hangzhou', SnapshotId: 's-nightly' },
    ]);
  });

  it('asks for the number of snapshots in a batch and reports them as one summary', async () => {
    const api = stubApi({
      'POST /api/ecs/DeleteSnapshot': ok('DEL-SNAP-2'),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const { user } = renderActions([nightly, weekly, running]);
    const dialog = await openDelete(user);
    expect(within(dialog).getByText(/still in progress: deleting it cancels it/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox'), '3{Enter}');

    expect(await screen.findByText('3 deleted')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteSnapshot').map((request) => request.body)).toEqual(
      expect.arrayContaining([
        { RegionId: 'cn-hangzhou', SnapshotId: 's-nightly' },
        { RegionId: 'cn-hangzhou', SnapshotId: 's-weekly' },
        { RegionId: 'cn-hangzhou', SnapshotId: 's-run' },
      ]),
    );
  });

  it('deletes a snapshot disks were made from only once Force is ticked', async () => {
    const api = stubApi({
      'POST /api/ecs/DeleteSnapshot': ok('DEL-SNAP-3'),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const forDisk = makeSnapshot({ SnapshotId: 's-base', SnapshotName: 'base', Usage: 'disk' });
    const { user } = renderActions([forDisk, weekly]);
    const dialog = await openDelete(user);
    await user.type(within(dialog).getByRole('textbox'), '2');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    expect(within(dialog).getByText(/can no longer be re-initialized/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: /Force/ }));
    await user.click(confirm);

    expect(await screen.findByText('2 deleted')).toBeInTheDocument();
    // Force only where it is needed.
    expect(api.to('POST /api/ecs/DeleteSnapshot').map((request) => request.body)).toEqual(
      expect.arrayContaining([
        { RegionId: 'cn-hangzhou', SnapshotId: 's-base', Force: true },
        { RegionId: 'cn-hangzhou', SnapshotId: 's-weekly' },
      ]),
    );
  });
  it('says which targets are on other pages of the list, and lists them first', async () => {
    stubApi({});
    const { user } = renderInConsole(
      <SnapshotActions
        regionId="cn-hangzhou"
        snapshots={[nightly, weekly]}
        notShownIds={new Set(['s-weekly'])}
        allSnapshots={[nightly, weekly]}
        disks={[disk]}
      />,
    );
    const dialog = await openDelete(user);
    expect(within(dialog).getByText(/1 of these is not shown in the list/)).toBeInTheDocument();
    const targets = within(within(dialog).getByRole('list', { name: '2 snapshots' })).getAllByRole('listitem');
    expect(targets.map((item) => item.textContent)).toEqual([
      's-weekly weekly (not shown in the list)',
      's-nightly nightly',
    ]);
  });
});

describe("ECS's refusals", () => {
  it('shows SnapshotCreatedDisk with its code and RequestId, explains it, and offers Force', async () => {
    let calls = 0;
    const api = stubApi({
      'POST /api/ecs/DeleteSnapshot': () =>
        ++calls === 1
          ? apiError(403, 'SnapshotCreatedDisk', 'The specified snapshot has been used to create disk.', 'ECS-REQ-7')
          : Response.json({ RequestId: 'DEL-FORCE-1' }),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    // The list did not know yet that a disk was made from it: no Force in the dialog.
    const { user } = renderActions([nightly]);
    const dialog = await openDelete(user);
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox'), 's-nightly{Enter}');

    expect(await screen.findByText('Could not delete s-nightly (nightly)')).toBeInTheDocument();
    expect(screen.getByText('SnapshotCreatedDisk')).toBeInTheDocument();
    expect(screen.getByText('ECS-REQ-7')).toBeInTheDocument();
    expect(screen.getByText('ECS kept 1 snapshot because disks were created from it')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete it with Force' }));

    expect(await screen.findByText('Delete requested for s-nightly (nightly)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteSnapshot').map((request) => request.body)).toEqual([
      { RegionId: 'cn-hangzhou', SnapshotId: 's-nightly' },
      { RegionId: 'cn-hangzhou', SnapshotId: 's-nightly', Force: true },
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete it with Force' })).not.toBeInTheDocument());
  });

  it('explains SnapshotCreatedImage without offering Force', async () => {
    stubApi({
      'POST /api/ecs/DeleteSnapshot': apiError(
        403,
        'SnapshotCreatedImage',
        'The snapshot has been used to create a custom image.',
        'ECS-REQ-8',
      ),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const { user } = renderActions([nightly]);
    const dialog = await openDelete(user);
    await user.type(within(dialog).getByRole('textbox'), 's-nightly{Enter}');

    expect(await screen.findByText('SnapshotCreatedImage')).toBeInTheDocument();
    expect(screen.getByText('ECS-REQ-8')).toBeInTheDocument();
    expect(screen.getByText(/delete the image made from it first/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /with Force/ })).not.toBeInTheDocument();
  });
});

describe('the forms each action opens', () => {
  it('Create snapshot: picks a disk (those ECS would refuse disabled, saying why), then opens its form', async () => {
    const api = stubApi({
      'POST /api/ecs/CreateSnapshot': () => Response.json({ RequestId: 'SNAP-REQ-1', SnapshotId: 's-new1' }),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const attaching = makeDisk({ DiskId: 'd-att', DiskName: 'attaching-1', Status: 'Attaching' });
    const busy = makeDisk({ DiskId: 'd-busy', DiskName: 'busy-1', Status: 'In_use' });
    const snapshotting = makeSnapshot({ SnapshotId: 's-busy', Status: 'progressing', SourceDiskId: 'd-busy' });
    const { user } = renderInConsole(
      <SnapshotActions
        regionId="cn-hangzhou"
        snapshots={[]}
        allSnapshots={[snapshotting]}
        disks={[disk, attaching, busy]}
      />,
      { session: makeSession('operator') },
    );
    await user.click(screen.getByRole('button', { name: 'Create snapshot' }));
    const picker = await screen.findByRole('dialog');
    const next = within(picker).getByRole('button', { name: 'Next' });
    expect(next).toBeDisabled();
    await user.click(within(picker).getByRole('button', { name: /Choose a disk/ }));
    const options = await screen.findAllByRole('option');
    const option = (name: string) => options.find((element) => element.textContent?.startsWith(name))!;
    expect(option('attaching-1')).toHaveAttribute('aria-disabled', 'true');
    expect(option('busy-1')).toHaveAttribute('aria-disabled', 'true');
    await user.hover(option('busy-1'));
    expect(await screen.findAllByText(/A snapshot of this disk is in progress/)).not.toHaveLength(0);
    await user.click(option('data-1'));
    await user.click(next);

    const form = await screen.findByRole('dialog', { name: /Create a snapshot of d-src/ });
    await user.click(within(form).getByRole('button', { name: 'Create snapshot' }));
    expect(await screen.findByText(/Snapshot s-new1 of d-src/)).toBeInTheDocument();
    expect(api.to('POST /api/ecs/CreateSnapshot')[0]?.body).toMatchObject({ RegionId: 'cn-hangzhou', DiskId: 'd-src' });
  });

  it('Create disk: opens the disk form with the snapshot chosen', async () => {
    stubApi({
      'POST /api/ecs/DescribeZones': () => Response.json({ RequestId: 'Z-1', Zones: { Zone: [] } }),
      'GET /api/regions/cn-hangzhou/snapshots': snapshotsById,
    });
    const { user } = renderActions([nightly]);
    await user.click(await menuItem(user, 'Create disk from snapshot'));
    const form = await screen.findByRole('dialog');
    // The source snapshot is chosen in the form (shown by its name).
    expect(await within(form).findByText('nightly')).toBeInTheDocument();
  });

  it('Roll back: opens the roll-back of the source disk with the snapshot preset', async () => {
    stubApi({
      'GET /api/regions/cn-hangzhou/snapshots': () =>
        Response.json({
          regionId: 'cn-hangzhou',
          snapshots: [nightly],
          totalCount: 1,
          pages: 1,
          fetchedAt: '',
          version: 'v',
        }),
      'GET /api/regions/cn-hangzhou/instances': () =>
        Response.json({ regionId: 'cn-hangzhou', instances: [], totalCount: 0, pages: 1, fetchedAt: '', version: 'v' }),
    });
    const { user } = renderActions([nightly]);
    await user.click(await menuItem(user, 'Roll back disk to snapshot'));
    const form = await screen.findByRole('dialog', { name: /Roll back d-src/ });
    expect(within(form).getByText(/nightly \(s-nightly\)/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /To confirm, type d-src/ })).toBeInTheDocument();
  });
});
