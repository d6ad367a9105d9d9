import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttachDiskModal } from '@/features/disks';
import { makeDisk, makeInstance } from '../fixtures';
import { ok, regionLists, REGION } from './disk-actions-support';
import { apiError, stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const spare = makeDisk({
  DiskId: 'd-spare',
  DiskName: 'spare',
  Status: 'Available',
  InstanceId: '',
  Device: '',
  ZoneId: 'cn-hangzhou-h',
});

const instances = [
  makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Running', ZoneId: 'cn-hangzhou-h' }),
  makeInstance({ InstanceId: 'i-web2', InstanceName: 'web-2', Status: 'Stopped', ZoneId: 'cn-hangzhou-h' }),
  makeInstance({ InstanceId: 'i-db1', InstanceName: 'db-1', Status: 'Running', ZoneId: 'cn-hangzhou-h' }),
  // Not offered: another zone, changing state, locked.
  makeInstance({ InstanceId: 'i-far', InstanceName: 'web-far', Status: 'Running', ZoneId: 'cn-hangzhou-i' }),
  makeInstance({ InstanceId: 'i-boot', InstanceName: 'web-boot', Status: 'Starting', ZoneId: 'cn-hangzhou-h' }),
  makeInstance({
    InstanceId: 'i-exp',
    InstanceName: 'web-expired',
    Status: 'Stopped',
    ZoneId: 'cn-hangzhou-h',
    OperationLocks: { LockReason: [{ LockReason: 'financial' }] },
  }),
];

function renderAttach() {
  return renderInConsole(<AttachDiskModal regionId={REGION} disk={spare} visible onDismiss={() => undefined} />);
}

/** The instance IDs the picker offers. */
async function offered(dialog: HTMLElement): Promise<string[]> {
  const radios = await within(dialog).findAllByRole('radio');
  return radios.map((radio) => radio.getAttribute('aria-label') ?? '');
}

describe('attach a disk', () => {
  it("offers only the disk zone's running and stopped instances, and finds them by name or ID", async () => {
    stubApi(regionLists({ instances }));
    const { user } = renderAttach();
    const dialog = await screen.findByRole('dialog');
    await waitFor(async () => expect(await offered(dialog)).toEqual(['i-web1 web-1', 'i-web2 web-2', 'i-db1 db-1']));

    await user.type(within(dialog).getByRole('searchbox'), 'web');
    await waitFor(async () => expect(await offered(dialog)).toEqual(['i-web1 web-1', 'i-web2 web-2']));
    await user.clear(within(dialog).getByRole('searchbox'));
    await user.type(within(dialog).getByRole('searchbox'), 'I-DB');
    await waitFor(async () => expect(await offered(dialog)).toEqual(['i-db1 db-1']));
  });

  it('attaches to the picked instance, with the release option chosen', async () => {
    const api = stubApi({ ...regionLists({ instances }), 'POST /api/ecs/AttachDisk': ok('ATTACH-1') });
    const { user } = renderAttach();
    const dialog = await screen.findByRole('dialog');
    const attach = within(dialog).getByRole('button', { name: 'Attach' });
    expect(attach).toBeDisabled();
    await user.click(await within(dialog).findByRole('radio', { name: 'i-web2 web-2' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Release with the instance/ }));
    await user.click(attach);

    expect(await screen.findByText('Attach requested for d-spare (spare)')).toBeInTheDocument();
    expect(screen.getByText('ATTACH-1')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/AttachDisk').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-spare', InstanceId: 'i-web2', DeleteWithInstance: true },
    ]);
  });

  it('says when no instance can take the disk', async () => {
    stubApi(regionLists({ instances: instances.slice(3) }));
    renderAttach();
    expect(await screen.findByText('No instance in cn-hangzhou-h is running or stopped.')).toBeInTheDocument();
  });

  it("shows ECS's refusal with its code and RequestId", async () => {
    stubApi({
      ...regionLists({ instances }),
      'POST /api/ecs/AttachDisk': apiError(
        403,
        'InstanceDiskLimitExceeded',
        'The instance "i-web1" already has 64 data disks.',
        'ECS-ATTACH-9',
      ),
    });
    const { user } = renderAttach();
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('radio', { name: 'i-web1 web-1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(await screen.findByText('Could not attach d-spare (spare)')).toBeInTheDocument();
    expect(screen.getByText('InstanceDiskLimitExceeded')).toBeInTheDocument();
    expect(screen.getByText('ECS-ATTACH-9')).toBeInTheDocument();
  });
});
