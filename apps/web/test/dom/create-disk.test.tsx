import type { DiskSummary, SnapshotSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CreateDiskModal, type CreateDiskModalProps } from '@/features/disks';
import { makeDisk, makeSnapshot } from '../fixtures';
import { apiError, stubApi, type SentRequest } from './fetch-stub';
import { renderInConsole } from './render';

const REGION = 'cn-hangzhou';

/** DescribeZones (Verbose=false): zone g has no ESSD, h and i do. */
const zonesAnswer = () =>
  Response.json({
    RequestId: 'ZONES-1',
    Zones: {
      Zone: [
        {
          ZoneId: 'cn-hangzhou-g',
          LocalName: 'Hangzhou G',
          AvailableDiskCategories: { DiskCategories: ['cloud_ssd'] },
        },
        {
          ZoneId: 'cn-hangzhou-h',
          LocalName: 'Hangzhou H',
          AvailableDiskCategories: { DiskCategories: ['cloud_essd', 'cloud_ssd', 'cloud_auto'] },
        },
        {
          ZoneId: 'cn-hangzhou-i',
          LocalName: 'Hangzhou I',
          AvailableDiskCategories: { DiskCategories: ['cloud_essd'] },
        },
      ],
    },
  });

const snapshotList = (snapshots: SnapshotSummary[]) => () =>
  Response.json({
    regionId: REGION,
    totalCount: snapshots.length,
    pages: 1,
    fetchedAt: '2026-12-01T00:00:00.000Z',
    version: 'v1',
    snapshots,
  });

const disksById = (disk: DiskSummary) => (request: SentRequest) =>
  Response.json({
    regionId: REGION,
    requestedIds: [new URL(request.path, 'http://x').searchParams.get('ids')],
    fetchedAt: '2026-12-01T00:00:00.000Z',
    disks: [disk],
  });

const created = (diskId: string) => () => Response.json({ RequestId: 'CREATE-REQ-1', DiskId: diskId });

function renderModal(routes: Parameters<typeof stubApi>[0], props: Partial<CreateDiskModalProps> = {}) {
  const api = stubApi({
    'POST /api/ecs/DescribeZones': zonesAnswer,
    'GET /api/regions/cn-hangzhou/snapshots': snapshotList([]),
    ...routes,
  });
  const onDismiss = vi.fn();
  const rendered = renderInConsole(<CreateDiskModal regionId={REGION} visible onDismiss={onDismiss} {...props} />);
  return { api, onDismiss, ...rendered };
}

const dialog = () => screen.getByRole('dialog');
const sizeField = () => within(dialog()).getByLabelText('Size (GiB)');
const createButton = () => within(dialog()).getByRole('button', { name: 'Create disk' });

/** Waits until DescribeZones has answered and the default zone is chosen. */
async function zonesLoaded() {
  await within(dialog()).findByText('cn-hangzhou-h');
}

describe('create disk: defaults', () => {
  it("opens on ESSD PL1, 40 GiB, in the region's first zone offering ESSD, so a name is all to type", async () => {
    const { api, user, onDismiss } = renderModal({ 'POST /api/ecs/CreateDisk': created('d-new1') });
    await zonesLoaded();
    expect(api.to('POST /api/ecs/DescribeZones').map((request) => request.body)).toEqual([
      { RegionId: REGION, Verbose: false },
    ]);
    expect(within(dialog()).getByText('ESSD')).toBeInTheDocument();
    expect(within(dialog()).getByText('PL1')).toBeInTheDocument();
    expect(sizeField()).toHaveValue(40);
    expect(within(dialog()).getByText('20 to 65,536 GiB for ESSD PL1.')).toBeInTheDocument();
    // ECS's baseline for ESSD PL1 at 40 GiB: 1,800 + 50 × 40 IOPS, 120 + 0.5 × 40 MB/s.
    expect(within(dialog()).getByText('3,800')).toBeInTheDocument();
    expect(within(dialog()).getByText('140 MB/s')).toBeInTheDocument();

    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());

    expect(await screen.findByText('Disk d-new1 created')).toBeInTheDocument();
    const [sent] = api.to('POST /api/ecs/CreateDisk');
    expect(sent?.body).toEqual({
      RegionId: REGION,
      ZoneId: 'cn-hangzhou-h',
      DiskCategory: 'cloud_essd',
      PerformanceLevel: 'PL1',
      Size: 40,
      DiskName: 'data-1',
      ClientToken: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    expect(onDismiss).toHaveBeenCalled();
    // The new disk's ID links to its page.
    expect(screen.getByRole('link', { name: 'd-new1' })).toHaveAttribute('href', '/disks/cn-hangzhou/d-new1');
    expect(screen.getByText('CREATE-REQ-1')).toBeInTheDocument();
  });

  it('shows what a larger size and another level give', async () => {
    const { user } = renderModal({});
    await zonesLoaded();
    await user.clear(sizeField());
    await user.type(sizeField(), '1000');
    // PL1 at 1,000 GiB: min(50,000, 1,800 + 50,000) IOPS; min(350, 120 + 500) MB/s.
    expect(within(dialog()).getByText('50,000')).toBeInTheDocument();
    expect(within(dialog()).getByText('350 MB/s')).toBeInTheDocument();
  });

  it('follows the chosen level and category: size floor, zone, what the disk gives', async () => {
    const { user } = renderModal({});
    await zonesLoaded();
    await user.click(within(dialog()).getByRole('button', { name: /PL1/ }));
    await user.click(await screen.findByRole('option', { name: /PL2/ }));
    // A PL2 ESSD needs 461 GiB: the untouched size follows.
    expect(sizeField()).toHaveValue(461);
    expect(within(dialog()).getByText('461 to 65,536 GiB for ESSD PL2.')).toBeInTheDocument();

    await user.click(within(dialog()).getByRole('button', { name: /ESSD$/ }));
    await user.click(await screen.findByRole('option', { name: /Standard SSD/ }));
    // Zone g is the first offering standard SSDs; ESSD's levels no longer apply.
    expect(within(dialog()).getByText('cn-hangzhou-g')).toBeInTheDocument();
    expect(within(dialog()).queryByText('Performance level')).not.toBeInTheDocument();
    expect(within(dialog()).getByText('20 to 32,768 GiB for Standard SSD.')).toBeInTheDocument();
  });
});

describe('create disk: validation before sending', () => {
  it("blocks a size outside the category's limits and says the range", async () => {
    const { api, user } = renderModal({});
    await zonesLoaded();
    await user.clear(sizeField());
    await user.type(sizeField(), '70000');
    expect(within(dialog()).getByText('For ESSD PL1, enter 20 to 65,536 GiB.')).toBeInTheDocument();
    await user.clear(sizeField());
    await user.type(sizeField(), '10');
    expect(within(dialog()).getByText('For ESSD PL1, enter 20 to 65,536 GiB.')).toBeInTheDocument();
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());
    expect(api.to('POST /api/ecs/CreateDisk')).toEqual([]);
  });

  it("blocks a size smaller than the snapshot's disk", async () => {
    const snapshot = makeSnapshot({ SnapshotId: 's-big', SnapshotName: 'nightly', SourceDiskSize: '100' });
    const { api, user } = renderModal(
      { 'GET /api/regions/cn-hangzhou/snapshots': snapshotList([snapshot]) },
      { snapshot },
    );
    await zonesLoaded();
    // The size starts at the snapshot's.
    expect(sizeField()).toHaveValue(100);
    await user.clear(sizeField());
    await user.type(sizeField(), '50');
    expect(
      within(dialog()).getByText('The snapshot is of a 100 GiB disk: the new disk needs at least 100 GiB.'),
    ).toBeInTheDocument();
    await user.type(within(dialog()).getByLabelText('Name'), 'restored');
    await user.click(createButton());
    expect(api.to('POST /api/ecs/CreateDisk')).toEqual([]);
  });

  it('blocks a zone that does not offer the category, naming the zones that do', async () => {
    const { api, user } = renderModal({}, { zoneId: 'cn-hangzhou-g' });
    await within(dialog()).findByText(
      'cn-hangzhou-g does not offer ESSD. Zones that do: cn-hangzhou-h, cn-hangzhou-i.',
    );
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());
    expect(api.to('POST /api/ecs/CreateDisk')).toEqual([]);
  });

  it("says so when the instance's zone lacks the category", async () => {
    renderModal({}, { attachTo: { instanceId: 'i-web1', zoneId: 'cn-hangzhou-g' } });
    expect(
      await within(dialog()).findByText(
        "cn-hangzhou-g, the instance's zone, does not offer ESSD: choose another category.",
      ),
    ).toBeInTheDocument();
  });

  it("asks for a name and explains ECS's naming rules", async () => {
    const { api, user } = renderModal({});
    await zonesLoaded();
    await user.click(createButton());
    expect(within(dialog()).getByText('Enter a name.')).toBeInTheDocument();
    await user.type(within(dialog()).getByLabelText('Name'), '9lives');
    expect(within(dialog()).getByText('Start with a letter (or a Chinese character).')).toBeInTheDocument();
    expect(within(dialog()).getByText(/2 to 128 characters: letters \(Chinese characters too\)/)).toBeInTheDocument();
    expect(api.to('POST /api/ecs/CreateDisk')).toEqual([]);
  });
});

describe('create disk: ECS answers', () => {
  it("shows ECS's refusal with its code and RequestId, and keeps the dialog", async () => {
    const { user } = renderModal({
      'POST /api/ecs/CreateDisk': apiError(403, 'QuotaExceed.PostPaidDisk', 'The disk quota is exceeded.', 'ECS-REQ-9'),
    });
    await zonesLoaded();
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());
    expect(await within(dialog()).findByText('The disk quota is exceeded.')).toBeInTheDocument();
    expect(within(dialog()).getByText('QuotaExceed.PostPaidDisk')).toBeInTheDocument();
    expect(within(dialog()).getByText('ECS-REQ-9')).toBeInTheDocument();
  });

  it('sends the same ClientToken again for the same disk, so a retry after a lost answer makes one disk', async () => {
    let calls = 0;
    const { api, user } = renderModal({
      'POST /api/ecs/CreateDisk': () =>
        ++calls === 1 ? apiError(504, 'OutcomeUnknown', 'The answer was lost.', 'BFF-1') : created('d-one')(),
    });
    await zonesLoaded();
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());
    await within(dialog()).findByText('OutcomeUnknown');
    await user.click(createButton());
    await screen.findByText('Disk d-one created');
    const [first, second] = api
      .to('POST /api/ecs/CreateDisk')
      .map((request) => request.body as { ClientToken: string });
    expect(second?.ClientToken).toBe(first?.ClientToken);
  });

  it('a double click sends CreateDisk once, with one ClientToken', async () => {
    const { api, user } = renderModal({ 'POST /api/ecs/CreateDisk': created('d-once') });
    await zonesLoaded();
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.dblClick(createButton());
    await screen.findByText('Disk d-once created');
    const tokens = new Set(
      api.to('POST /api/ecs/CreateDisk').map((request) => (request.body as { ClientToken: string }).ClientToken),
    );
    expect(tokens.size).toBe(1);
    expect(api.to('POST /api/ecs/CreateDisk')).toHaveLength(1);
  });

  it('from an instance: creates in its zone, waits until Available, attaches, and reports each step', async () => {
    const fresh = makeDisk({ DiskId: 'd-att', Status: 'Available', InstanceId: '', ZoneId: 'cn-hangzhou-i' });
    const { api, user } = renderModal(
      {
        'POST /api/ecs/CreateDisk': created('d-att'),
        'GET /api/regions/cn-hangzhou/disks': disksById(fresh),
        'POST /api/ecs/AttachDisk': () => Response.json({ RequestId: 'ATTACH-REQ-1' }),
      },
      { attachTo: { instanceId: 'i-web1', zoneId: 'cn-hangzhou-i' } },
    );
    await within(dialog()).findByText('cn-hangzhou-i');
    await user.type(within(dialog()).getByLabelText('Name'), 'logs');
    await user.click(within(dialog()).getByRole('checkbox', { name: /Delete the disk when i-web1 is deleted/ }));
    await user.click(within(dialog()).getByRole('button', { name: 'Create and attach' }));

    expect(await screen.findByText('Disk d-att created and attached to i-web1')).toBeInTheDocument();
    expect(screen.getByText('ATTACH-REQ-1')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/CreateDisk')[0]?.body).toMatchObject({ ZoneId: 'cn-hangzhou-i', DiskName: 'logs' });
    expect(api.to('GET /api/regions/cn-hangzhou/disks')[0]?.path).toBe('/api/regions/cn-hangzhou/disks?ids=d-att');
    expect(api.to('GET /api/regions/cn-hangzhou/disks')[0]?.headers.get('x-console-background')).toBe('1');
    expect(api.to('POST /api/ecs/AttachDisk').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-att', InstanceId: 'i-web1', DeleteWithInstance: true },
    ]);
  });

  it('keeps the new disk and says why when attaching fails', async () => {
    const fresh = makeDisk({ DiskId: 'd-att', Status: 'Available', InstanceId: '', ZoneId: 'cn-hangzhou-i' });
    const { user } = renderModal(
      {
        'POST /api/ecs/CreateDisk': created('d-att'),
        'GET /api/regions/cn-hangzhou/disks': disksById(fresh),
        'POST /api/ecs/AttachDisk': apiError(403, 'InstanceDiskLimitExceeded', 'Too many disks.', 'ECS-ATT-1'),
      },
      { attachTo: { instanceId: 'i-web1', zoneId: 'cn-hangzhou-i' } },
    );
    await within(dialog()).findByText('cn-hangzhou-i');
    await user.type(within(dialog()).getByLabelText('Name'), 'logs');
    await user.click(within(dialog()).getByRole('button', { name: 'Create and attach' }));
    expect(await screen.findByText('Disk d-att was created but not attached to i-web1')).toBeInTheDocument();
    expect(screen.getByText('InstanceDiskLimitExceeded')).toBeInTheDocument();
    expect(screen.getByText('ECS-ATT-1')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'd-att' })).toBeInTheDocument());
  });

  it('reports a failure in a notification when the dialog was closed while CreateDisk ran', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubApi({
      'POST /api/ecs/DescribeZones': zonesAnswer,
      'GET /api/regions/cn-hangzhou/snapshots': snapshotList([]),
      'POST /api/ecs/CreateDisk': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    function Page() {
      const [open, setOpen] = useState(true);
      return <CreateDiskModal regionId={REGION} visible={open} onDismiss={() => setOpen(false)} />;
    }
    const { user } = renderInConsole(<Page />);
    await zonesLoaded();
    await user.type(within(dialog()).getByLabelText('Name'), 'data-1');
    await user.click(createButton());
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    answer(apiError(403, 'QuotaExceed.PostPaidDisk', 'The disk quota is exceeded.', 'ECS-REQ-7'));
    expect(await screen.findByText('Could not create the disk')).toBeInTheDocument();
    expect(screen.getByText('QuotaExceed.PostPaidDisk')).toBeInTheDocument();
    expect(screen.getByText('ECS-REQ-7')).toBeInTheDocument();
  });
});
