import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CreateSnapshotModal } from '@/features/disks';
import { makeDisk } from '../fixtures';
import { apiError, stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';

const REGION = 'cn-hangzhou';
const disk = makeDisk({ DiskId: 'd-data', DiskName: 'data-1' });

function renderSnapshot(create?: () => Response) {
  const api = stubApi({
    'POST /api/ecs/CreateSnapshot': create ?? (() => Response.json({ RequestId: 'SNAP-REQ-1', SnapshotId: 's-new1' })),
    'GET /api/regions/cn-hangzhou/snapshots': () =>
      Response.json({ regionId: REGION, requestedIds: ['s-new1'], fetchedAt: '2026-12-01T00:00Z', snapshots: [] }),
  });
  const onDismiss = vi.fn();
  const rendered = renderInConsole(
    <CreateSnapshotModal regionId={REGION} disk={disk} visible onDismiss={onDismiss} />,
    { session: makeSession('operator') },
  );
  return { api, onDismiss, ...rendered };
}

const dialog = () => screen.getByRole('dialog');
const nameField = () => within(dialog()).getByLabelText('Snapshot name');

describe('create snapshot', () => {
  it("suggests a name from the disk's, keeps it until deleted by default, and links the new snapshot", async () => {
    const { api, user } = renderSnapshot();
    expect((nameField() as HTMLInputElement).value).toMatch(/^data-1-\d{8}-\d{4}$/);
    await user.clear(nameField());
    await user.type(nameField(), 'before-upgrade');
    await user.click(within(dialog()).getByRole('button', { name: 'Create snapshot' }));

    expect(await screen.findByText('Snapshot s-new1 of d-data (data-1) started')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 's-new1' })).toHaveAttribute(
      'href',
      '/snapshots?region=cn-hangzhou&filter=%3A+s-new1',
    );
    expect(api.to('POST /api/ecs/CreateSnapshot').map((request) => request.body)).toEqual([
      {
        RegionId: REGION,
        DiskId: 'd-data',
        SnapshotName: 'before-upgrade',
        ClientToken: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      },
    ]);
  });

  it('sends the retention days and tags chosen', async () => {
    const { api, user } = renderSnapshot();
    await user.click(within(dialog()).getByRole('radio', { name: /Delete automatically after a number of days/ }));
    const days = within(dialog()).getByLabelText('Days to keep');
    await user.clear(days);
    await user.type(days, '7');
    await user.click(within(dialog()).getByRole('button', { name: 'Add tag' }));
    await user.type(within(dialog()).getByLabelText('Key of tag 1'), 'release');
    await user.type(within(dialog()).getByLabelText('Value of tag 1'), '2.4');
    await user.click(within(dialog()).getByRole('button', { name: 'Create snapshot' }));
    await screen.findByText(/Snapshot s-new1 of d-data/);
    expect(api.to('POST /api/ecs/CreateSnapshot')[0]?.body).toMatchObject({
      RetentionDays: 7,
      Tag: [{ Key: 'release', Value: '2.4' }],
    });
  });

  it('refuses names ECS keeps for automatic snapshots, bad retention and reserved tag keys', async () => {
    const { api, user } = renderSnapshot();
    await user.clear(nameField());
    await user.type(nameField(), 'auto-backup');
    expect(
      within(dialog()).getByText('Names starting with auto are kept for automatic snapshots.'),
    ).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('radio', { name: /Delete automatically/ }));
    const days = within(dialog()).getByLabelText('Days to keep');
    await user.clear(days);
    await user.type(days, '70000');
    expect(within(dialog()).getByText('Enter a whole number of days from 1 to 65,536.')).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Add tag' }));
    await user.type(within(dialog()).getByLabelText('Key of tag 1'), 'acs:owner');
    expect(within(dialog()).getByText('Keys may not start with aliyun or acs:.')).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Create snapshot' }));
    expect(api.to('POST /api/ecs/CreateSnapshot')).toEqual([]);
  });

  it("shows ECS's refusal with its code and RequestId", async () => {
    const { user } = renderSnapshot(() =>
      apiError(403, 'IncorrectDiskStatus.CreatingSnapshot', 'A snapshot is already being created.', 'ECS-SN-1'),
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Create snapshot' }));
    expect(await within(dialog()).findByText('IncorrectDiskStatus.CreatingSnapshot')).toBeInTheDocument();
    expect(within(dialog()).getByText('ECS-SN-1')).toBeInTheDocument();
  });
});
