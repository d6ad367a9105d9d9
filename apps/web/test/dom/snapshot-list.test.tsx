import type { DiskSummary, SnapshotListAnswer, SnapshotSummary } from '@ecs-console/contract';
import { configure, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SnapshotsPage } from '@/features/snapshots';
import { makeDisk, makeSnapshot } from '../fixtures';
import { stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

// A page of rows takes a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

const SNAPSHOTS = 'GET /api/regions/cn-hangzhou/snapshots';
const DISKS = 'GET /api/regions/cn-hangzhou/disks';

const disk = makeDisk({ DiskId: 'd-data1', DiskName: 'orders-data', Status: 'In_use' });
const nightly = makeSnapshot({
  SnapshotId: 's-nightly',
  SnapshotName: 'nightly',
  SourceDiskId: 'd-data1',
  SourceDiskSize: '100',
  SourceDiskType: 'data',
  RetentionDays: 7,
  Usage: 'disk',
  tags: { env: 'prod' },
});
const running = makeSnapshot({
  SnapshotId: 's-running',
  SnapshotName: 'before-upgrade',
  Status: 'progressing',
  Progress: '40%',
  RemainTime: 90,
  SourceDiskId: 'd-data1',
  RetentionDays: undefined,
  tags: { env: 'staging' },
});
const orphan = makeSnapshot({
  SnapshotId: 's-orphan',
  SnapshotName: 'old-system',
  SourceDiskId: 'd-gone',
  SourceDiskSize: '40',
  SourceDiskType: 'System',
  Encrypted: true,
});

function listAnswer(snapshots: readonly SnapshotSummary[]): SnapshotListAnswer {
  return {
    regionId: 'cn-hangzhou',
    snapshots,
    totalCount: snapshots.length,
    pages: 1,
    fetchedAt: '2026-12-01T00:00:00.000Z',
    version: `v${snapshots.map((snapshot) => snapshot.Progress).join()}`,
  };
}

const diskAnswer = (disks: readonly DiskSummary[]) =>
  Response.json({ regionId: 'cn-hangzhou', disks, totalCount: disks.length, pages: 1, fetchedAt: '', version: 'd1' });

function renderPage(url: string, snapshots: readonly SnapshotSummary[], role: 'viewer' | 'admin' = 'admin') {
  const api = stubApi({ [SNAPSHOTS]: () => Response.json(listAnswer(snapshots)), [DISKS]: () => diskAnswer([disk]) });
  const rendered = renderInConsole(
    <Routes>
      <Route path="/snapshots" element={<SnapshotsPage />} />
    </Routes>,
    { initialUrl: url, session: makeSession(role) },
  );
  return { ...rendered, api };
}

const rowOf = (id: string) => screen.getByText(id).closest('tr') as HTMLElement;

describe('the Snapshots page', () => {
  it('lists every snapshot with its source disk, progress, status, retention, usage and encryption', async () => {
    renderPage('/snapshots?region=cn-hangzhou', [nightly, running, orphan]);
    await screen.findByText('s-nightly');

    const done = rowOf('s-nightly');
    expect(within(done).getByRole('link', { name: 'd-data1' })).toHaveAttribute('href', '/disks/cn-hangzhou/d-data1');
    expect(await within(done).findByText('orders-data')).toBeInTheDocument();
    expect(within(done).getByText('Data disk, 100 GiB')).toBeInTheDocument();
    expect(within(done).getByText('Completed')).toBeInTheDocument();
    expect(within(done).getByText(/^7 days \(until /)).toBeInTheDocument();
    expect(within(done).getByText('Disks')).toBeInTheDocument();

    const inProgress = rowOf('s-running');
    const bar = within(inProgress).getByRole('progressbar', { name: 'Progress of s-running' });
    expect(bar).toHaveAttribute('value', '40');
    expect(within(inProgress).getAllByText('40%')).not.toHaveLength(0);
    expect(within(inProgress).getByText('About 2 min left')).toBeInTheDocument();
    expect(within(inProgress).getByText('In progress')).toBeInTheDocument();
    expect(within(inProgress).getByText('Until deleted')).toBeInTheDocument();

    // Its disk was deleted: no link to a page that does not exist.
    const gone = rowOf('s-orphan');
    expect(within(gone).queryByRole('link', { name: 'd-gone' })).not.toBeInTheDocument();
    expect(within(gone).getByText('(deleted)')).toBeInTheDocument();
    expect(within(gone).getByText('System disk, 40 GiB')).toBeInTheDocument();
    expect(within(gone).getByText('Yes')).toBeInTheDocument();
  });

  it('counts snapshots by status in the header', async () => {
    renderPage('/snapshots?region=cn-hangzhou', [nightly, running, orphan]);
    await screen.findByText('s-nightly');
    // One count per status with any: "Completed 2", "In progress 1"; none for Failed.
    const count = (text: string) =>
      screen.queryAllByText((_content, element) => element?.tagName === 'SPAN' && element.textContent === text);
    expect(count('Completed 2')).not.toHaveLength(0);
    expect(count('In progress 1')).not.toHaveLength(0);
    expect(screen.queryByText('Failed')).not.toBeInTheDocument();
    expect(screen.getByText('(3)')).toBeInTheDocument();
  });

  it('follows a progressing snapshot until it is done, asking only for it', async () => {
    const finished = { ...running, Status: 'accomplished' as const, Progress: '100%', RemainTime: 0 };
    const api = stubApi({
      [SNAPSHOTS]: (request) =>
        request.path.includes('ids=')
          ? Response.json({
              regionId: 'cn-hangzhou',
              requestedIds: ['s-running'],
              fetchedAt: '2026-12-01T00:00:05.000Z',
              snapshots: [finished],
            })
          : Response.json(listAnswer([nightly, running])),
      [DISKS]: () => diskAnswer([disk]),
    });
    renderInConsole(
      <Routes>
        <Route path="/snapshots" element={<SnapshotsPage />} />
      </Routes>,
      { initialUrl: '/snapshots?region=cn-hangzhou' },
    );
    expect(await screen.findByRole('progressbar', { name: 'Progress of s-running' })).toBeInTheDocument();

    // The list polls the progressing snapshot by ID (every few seconds) until it is done.
    await within(await screen.findByText('s-running').then((cell) => cell.closest('tr') as HTMLElement)).findByText(
      'Completed',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(api.to(SNAPSHOTS).some((request) => request.path.endsWith('?ids=s-running'))).toBe(true);
  });

  it('shows a snapshot created from the page at once, with its progress', async () => {
    const created = makeSnapshot({
      SnapshotId: 's-new1',
      SnapshotName: 'before-release',
      Status: 'progressing',
      Progress: '0%',
      RemainTime: 40,
      SourceDiskId: 'd-data1',
    });
    let createdYet = false;
    stubApi({
      [SNAPSHOTS]: (request) =>
        request.path.includes('ids=')
          ? Response.json({ regionId: 'cn-hangzhou', requestedIds: ['s-new1'], fetchedAt: '', snapshots: [created] })
          : Response.json(listAnswer(createdYet ? [nightly, created] : [nightly])),
      [DISKS]: () => diskAnswer([disk]),
      'POST /api/ecs/CreateSnapshot': () => {
        createdYet = true;
        return Response.json({ RequestId: 'SNAP-REQ-1', SnapshotId: 's-new1' });
      },
    });
    const { user } = renderInConsole(
      <Routes>
        <Route path="/snapshots" element={<SnapshotsPage />} />
      </Routes>,
      { initialUrl: '/snapshots?region=cn-hangzhou', session: makeSession('operator') },
    );
    await screen.findByText('s-nightly');
    await user.click(screen.getByRole('button', { name: 'Create snapshot' }));
    const picker = await screen.findByRole('dialog');
    await user.click(within(picker).getByRole('button', { name: /Choose a disk/ }));
    await user.click(
      (await screen.findAllByRole('option')).find((option) => option.textContent?.startsWith('orders-data'))!,
    );
    await user.click(within(picker).getByRole('button', { name: 'Next' }));
    const form = await screen.findByRole('dialog', { name: /Create a snapshot of d-data1/ });
    await user.click(within(form).getByRole('button', { name: 'Create snapshot' }));

    expect(await screen.findByRole('progressbar', { name: 'Progress of s-new1' })).toBeInTheDocument();
  });

  it('filters by tag from the address', async () => {
    renderPage('/snapshots?region=cn-hangzhou&filter=tag:env+=+prod', [nightly, running, orphan]);
    await screen.findByText('s-nightly');
    expect(screen.queryByText('s-running')).not.toBeInTheDocument();
    expect(screen.queryByText('s-orphan')).not.toBeInTheDocument();
  });

  it('filters by status from the address', async () => {
    renderPage('/snapshots?region=cn-hangzhou&filter=status+=+progressing', [nightly, running, orphan]);
    await screen.findByText('s-running');
    expect(screen.queryByText('s-nightly')).not.toBeInTheDocument();
  });

  it('shows a viewer the list with Create snapshot disabled', async () => {
    renderPage('/snapshots?region=cn-hangzhou', [nightly], 'viewer');
    await screen.findByText('s-nightly');
    expect(screen.getByRole('button', { name: 'Create snapshot' })).toHaveAttribute('aria-disabled', 'true');
  });
});
