import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiskActions } from '@/features/disks';
import { makeDisk, makeInstance } from '../fixtures';
import { openMenuAction, ok, regionLists, REGION } from './disk-actions-support';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const web1 = makeInstance({ InstanceId: 'i-web1', InstanceName: 'web-1', Status: 'Running' });
const data1 = makeDisk({ DiskId: 'd-data1', DiskName: 'data-1', Description: 'logs', InstanceId: 'i-web1' });

describe('modify attributes', () => {
  it('sends only what changed', async () => {
    const api = stubApi({ ...regionLists({ instances: [web1] }), 'POST /api/ecs/ModifyDiskAttribute': ok('MOD-1') });
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1]} />);
    const dialog = await openMenuAction(user, 'Modify attributes');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'data-logs');
    await user.click(within(dialog).getByRole('checkbox', { name: /Automatic snapshots/ }));
    await user.click(save);

    expect(await screen.findByText('d-data1 (data-1) modified')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ModifyDiskAttribute').map((request) => request.body)).toEqual([
      { RegionId: REGION, DiskId: 'd-data1', DiskName: 'data-logs', EnableAutoSnapshot: true },
    ]);
  });

  it('says a name cannot be removed, and checks the new one before sending', async () => {
    const api = stubApi(regionLists({ instances: [web1] }));
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[data1]} />);
    const dialog = await openMenuAction(user, 'Modify attributes');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    expect(within(dialog).getByText('ECS keeps a name once set: enter a new one.')).toBeInTheDocument();
    await user.type(name, '9lives{Enter}');
    expect(within(dialog).getByText('Start with a letter (or a Chinese character).')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ModifyDiskAttribute')).toEqual([]);
  });

  it('locks release-with-instance on a disk that is not portable', async () => {
    stubApi(regionLists({ instances: [web1] }));
    const pinned = makeDisk({ DiskId: 'd-sys1', Type: 'system', Portable: false, DeleteWithInstance: true });
    const { user } = renderInConsole(<DiskActions regionId={REGION} disks={[pinned]} />);
    const dialog = await openMenuAction(user, 'Modify attributes');
    expect(within(dialog).getByRole('checkbox', { name: /Release with the instance/ })).toBeDisabled();
    expect(within(dialog).getByText(/is always released with its instance/)).toBeInTheDocument();
  });
});
