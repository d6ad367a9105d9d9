import { configure, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupLists, instances, REGION, renderGroupsPage, spareGroup, webGroup } from './security-group-table-support';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('edit security group', () => {
  it('sends only the changed name, refuses to clear the description, and reports the save', async () => {
    const { api, user } = await renderGroupsPage({
      ...groupLists(() => [webGroup, spareGroup], instances),
      'POST /api/ecs/ModifySecurityGroupAttribute': Response.json({ RequestId: 'REQ-EDIT' }),
    });
    await user.click(screen.getByRole('checkbox', { name: 'Select web' }));
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog'));
    const save = dialog.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.clear(dialog.getByRole('textbox', { name: 'Description' }));
    expect(dialog.getByText('ECS keeps a description once set: enter a new one.')).toBeInTheDocument();
    await user.type(dialog.getByRole('textbox', { name: 'Description' }), 'public web tier');
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'web-public');
    await user.click(save);
    expect(await screen.findByText('Saved sg-web (web)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/ModifySecurityGroupAttribute').map((request) => request.body)).toEqual([
      { RegionId: REGION, SecurityGroupId: 'sg-web', SecurityGroupName: 'web-public' },
    ]);
  });
});
