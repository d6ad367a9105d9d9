import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DiskSummary } from '@ecs-console/contract';
import { DiskDetailPage } from '@/features/disks';
import { makeDisk, makeInstance, makeSnapshot } from '../fixtures';
import { DISKS_PATH, regionLists, REGION } from './disk-actions-support';
import { stubApi, type SentRequest } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const instance = makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Running' });
const disk = makeDisk({ DiskId: 'd-db1', DiskName: 'db-data', InstanceId: 'i-db1', Size: 100 });
const other = makeDisk({ DiskId: 'd-other', DiskName: 'other-data', InstanceId: 'i-db1', Device: '/dev/xvdc' });

/** `GET …/disks`: the whole list, or (with `?ids=`) the disks asked for that `existing` has. */
function diskRoute(list: readonly DiskSummary[], existing: readonly DiskSummary[] = list) {
  return (request: SentRequest) => {
    const ids = new URL(request.path, 'http://console.test').searchParams.get('ids');
    if (ids === null) return regionLists({ disks: list })[DISKS_PATH]();
    const requestedIds = ids.split(',');
    return Response.json({
      regionId: REGION,
      requestedIds,
      fetchedAt: '2026-11-30T10:00:00.000Z',
      disks: existing.filter((candidate) => requestedIds.includes(candidate.DiskId)),
    });
  };
}

/** The value shown beside a label of the disk's details. */
function fieldValue(label: string): string | null | undefined {
  const term = screen.getAllByText(label).find((element) => element.closest('dt'));
  return term?.closest('dt')?.parentElement?.querySelector('dd')?.textContent;
}

function renderDiskPage(diskId: string, role: 'viewer' | 'admin' = 'admin') {
  return renderInConsole(
    <Routes>
      <Route path="/disks/:regionId/:diskId" element={<DiskDetailPage />} />
    </Routes>,
    { initialUrl: `/disks/${REGION}/${diskId}`, session: makeSession(role) },
  );
}

describe('the disk page', () => {
  it('says a disk that no longer exists is not found, after asking for it by ID, and links back to the list', async () => {
    const api = stubApi({ ...regionLists({ instances: [instance] }), [DISKS_PATH]: diskRoute([other]) });
    renderDiskPage('d-gone');

    expect(await screen.findByText('Disk not found')).toBeInTheDocument();
    expect(screen.getByText(/There is no disk d-gone in cn-hangzhou/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the disks' })).toHaveAttribute('href', '/disks');
    expect(api.to(DISKS_PATH).map((request) => request.path)).toContain(`/api/regions/${REGION}/disks?ids=d-gone`);
    // No actions for a disk that is not there.
    expect(screen.queryByRole('button', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('turns into not found when the disk is deleted while its page is open', async () => {
    let listed: readonly DiskSummary[] = [disk, other];
    stubApi({
      ...regionLists({ instances: [instance] }),
      [DISKS_PATH]: (request) => diskRoute(listed)(request),
    });
    const { user } = renderDiskPage('d-db1');
    expect(await screen.findByRole('heading', { level: 1, name: /db-data/ })).toBeInTheDocument();

    listed = [other];
    await user.click(screen.getByRole('button', { name: 'Refresh the disk' }));
    expect(await screen.findByText('Disk not found')).toBeInTheDocument();
  });

  it('shows a disk created since the list was fetched (found by ID)', async () => {
    const fresh = makeDisk({ DiskId: 'd-fresh', DiskName: 'fresh-data', Status: 'Available', InstanceId: '' });
    stubApi({ ...regionLists({ instances: [instance] }), [DISKS_PATH]: diskRoute([other], [other, fresh]) });
    renderDiskPage('d-fresh');

    expect(await screen.findByRole('heading', { level: 1, name: /fresh-data/ })).toBeInTheDocument();
    expect(screen.getByText('The disk is not attached to an instance.')).toBeInTheDocument();
  });

  it('shows the attributes and the attached instance linked to its page', async () => {
    stubApi({ ...regionLists({ instances: [instance], disks: [disk, other] }) });
    renderDiskPage('d-db1');

    expect(await screen.findByRole('heading', { level: 1, name: /db-data/ })).toBeInTheDocument();
    expect(fieldValue('Category')).toBe('ESSD PL1');
    expect(fieldValue('Size')).toBe('100\u00a0GiB');
    expect(fieldValue('Performance (baseline)')).toBe('6,800 IOPS, 140 MB/s');
    expect(fieldValue('Portable (can be detached)')).toBe('Yes');
    expect(fieldValue('Automatic snapshots deleted with disk')).toBe('Yes');
    expect(screen.getByRole('link', { name: 'i-db1' })).toHaveAttribute('href', `/instances/${REGION}/i-db1`);
    expect(await screen.findByText('db-1')).toBeInTheDocument();
  });

  it("lists the disk's snapshots, newest first, with a progress bar while one is taken", async () => {
    const taking = makeSnapshot({
      SnapshotId: 's-taking',
      SnapshotName: 'taking',
      SourceDiskId: 'd-db1',
      Status: 'progressing',
      Progress: '45%',
      RemainTime: 30,
      CreationTime: '2026-11-30T09:00Z',
    });
    const done = makeSnapshot({
      SnapshotId: 's-done',
      SnapshotName: 'nightly',
      SourceDiskId: 'd-db1',
      CreationTime: '2026-11-29T02:00Z',
    });
    const ofOther = makeSnapshot({ SnapshotId: 's-other', SnapshotName: 'other-nightly', SourceDiskId: 'd-other' });
    stubApi({ ...regionLists({ instances: [instance], disks: [disk, other], snapshots: [done, ofOther, taking] }) });
    renderDiskPage('d-db1');

    const table = await screen.findByRole('table', { name: 'Snapshots' });
    await within(table).findByText('taking');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('taking');
    expect(rows[1]).toHaveTextContent('nightly');
    const progress = within(rows[0]!).getByRole('progressbar', { name: 'Progress of s-taking' });
    expect(progress).toHaveAttribute('value', '45');
    expect(within(rows[0]!).getByText('About 30 sec left')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Completed')).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(table).queryByText('other-nightly')).not.toBeInTheDocument();
  });

  it('a viewer can neither create a disk from a snapshot nor roll back, and is told why', async () => {
    const done = makeSnapshot({ SnapshotId: 's-done', SnapshotName: 'nightly', SourceDiskId: 'd-db1' });
    stubApi({ ...regionLists({ instances: [instance], disks: [disk], snapshots: [done] }) });
    const { user } = renderDiskPage('d-db1', 'viewer');

    const table = await screen.findByRole('table', { name: 'Snapshots' });
    await user.click(await within(table).findByRole('radio', { name: 'Select nightly' }));
    const createDisk = screen.getByRole('button', { name: 'Create disk from snapshot' });
    expect(createDisk).toHaveAttribute('aria-disabled', 'true');
    expect(createDisk).toHaveAccessibleDescription('Creating disks needs the admin role.');
    const rollBack = screen.getByRole('button', { name: 'Roll back to snapshot' });
    expect(rollBack).toHaveAttribute('aria-disabled', 'true');
    expect(rollBack).toHaveAccessibleDescription('Your role does not allow this action.');
  });

  it('offers the roll-back to an admin once the instance is stopped', async () => {
    const done = makeSnapshot({ SnapshotId: 's-done', SnapshotName: 'nightly', SourceDiskId: 'd-db1' });
    const stopped = { ...instance, Status: 'Stopped' as const };
    stubApi({ ...regionLists({ instances: [instance], disks: [disk], snapshots: [done] }) });
    const first = renderDiskPage('d-db1');
    const table = await screen.findByRole('table', { name: 'Snapshots' });
    await first.user.click(await within(table).findByRole('radio', { name: 'Select nightly' }));
    const rollBack = screen.getByRole('button', { name: 'Roll back to snapshot' });
    await waitFor(() =>
      expect(rollBack).toHaveAccessibleDescription(/is on i-db1 \(db-1\), which is Running: stop the instance first/),
    );
    first.unmount();

    stubApi({ ...regionLists({ instances: [stopped], disks: [disk], snapshots: [done] }) });
    const second = renderDiskPage('d-db1');
    const again = await screen.findByRole('table', { name: 'Snapshots' });
    await second.user.click(await within(again).findByRole('radio', { name: 'Select nightly' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Roll back to snapshot' })).toBeEnabled());
    await second.user.click(screen.getByRole('button', { name: 'Roll back to snapshot' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Roll back d-db1 (db-data)' })).toBeInTheDocument();
  });
});
