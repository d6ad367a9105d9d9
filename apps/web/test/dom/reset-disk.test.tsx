import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResetDiskModal } from '@/features/disks';
import { formatDateTime } from '@/lib/format';
import { makeDisk, makeInstance, makeSnapshot } from '../fixtures';
import { ok, regionLists, REGION } from './disk-actions-support';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const stopped = makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Stopped' });
const running = makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Running' });
const disk = makeDisk({ DiskId: 'd-db1', DiskName: 'db-data', InstanceId: 'i-db1' });

const older = makeSnapshot({
  SnapshotId: 's-older',
  SnapshotName: 'before-upgrade',
  SourceDiskId: 'd-db1',
  CreationTime: '2026-11-20T08:30Z',
});
const newer = makeSnapshot({
  SnapshotId: 's-newer',
  SnapshotName: 'nightly',
  SourceDiskId: 'd-db1',
  CreationTime: '2026-11-29T02:00Z',
});
const snapshots = [
  older,
  newer,
  makeSnapshot({ SnapshotId: 's-taking', SnapshotName: 'taking', SourceDiskId: 'd-db1', Status: 'progressing' }),
  makeSnapshot({ SnapshotId: 's-other', SnapshotName: 'other-disk', SourceDiskId: 'd-other' }),
];

const at = (time: string) => formatDateTime(time, 'en');

describe('roll a disk back to a snapshot', () => {
  it("offers the disk's finished snapshots newest first with their times, and needs the disk ID typed", async () => {
    const api = stubApi({
      ...regionLists({ instances: [stopped], snapshots }),
      'POST /api/ecs/ResetDisk': ok('RESET-1'),
    });
    const { user } = renderInConsole(
      <ResetDiskModal regionId={REGION} disk={disk} visible onDismiss={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /Choose a snapshot/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      `nightly (s-newer)Taken ${at(newer.CreationTime)}`,
      `before-upgrade (s-older)Taken ${at(older.CreationTime)}`,
    ]);
    await user.click(options[1]!);
    expect(
      within(dialog).getByText(
        `The disk returns to its state of ${at(older.CreationTime)}: everything written after that is lost. This cannot be undone.`,
      ),
    ).toBeInTheDocument();

    const confirm = within(dialog).getByRole('button', { name: 'Roll back' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /To confirm, type d-db1/ }), 'd-db');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /To confirm, type d-db1/ }), '1');
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);

    expect(await screen.findByText('Roll-back requested for d-db1 (db-data)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ResetDisk').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-db1', SnapshotId: 's-older' },
    ]);
  });

  it('refuses while the instance is running, even with the ID typed', async () => {
    const api = stubApi(regionLists({ instances: [running], snapshots }));
    const { user } = renderInConsole(
      <ResetDiskModal regionId={REGION} disk={disk} snapshot={newer} visible onDismiss={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('d-db1 (db-data) is on i-db1 (db-1), which is Running: stop the instance first.'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /To confirm/ }), 'd-db1{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Roll back' })).toBeDisabled();
    expect(api.to('POST /api/ecs/ResetDisk')).toEqual([]);
  });

  it('rolls back to the snapshot it was opened with, showing its time', async () => {
    const api = stubApi({
      ...regionLists({ instances: [stopped], snapshots }),
      'POST /api/ecs/ResetDisk': ok('RESET-2'),
    });
    const { user } = renderInConsole(
      <ResetDiskModal regionId={REGION} disk={disk} snapshot={newer} visible onDismiss={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`nightly (s-newer) — Taken ${at(newer.CreationTime)}`)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /To confirm/ }), 'd-db1');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Roll back' })).toBeEnabled());
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Roll-back requested for d-db1 (db-data)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ResetDisk').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-db1', SnapshotId: 's-newer' },
    ]);
  });

  it('refuses a snapshot of another disk, as ECS would', async () => {
    stubApi(regionLists({ instances: [stopped], snapshots }));
    renderInConsole(
      <ResetDiskModal regionId={REGION} disk={disk} snapshot={snapshots[3]} visible onDismiss={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/^The snapshot s-other is not a finished snapshot of this disk/),
    ).toBeInTheDocument();
  });
});
