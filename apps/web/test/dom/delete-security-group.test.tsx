import { configure, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from './fetch-stub';
import {
  dbGroup,
  groupLists,
  instances,
  REGION,
  renderGroupsPage,
  spareGroup,
  webGroup,
} from './security-group-table-support';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('delete security groups', () => {
  it('is disabled for a group another group’s rules refer to, naming that group', async () => {
    const { user } = await renderGroupsPage(groupLists(() => [webGroup, dbGroup, spareGroup], []));
    await user.click(screen.getByRole('checkbox', { name: 'Select web' }));
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(
      'Rules of sg-db (db) refer to sg-web (web). Remove those rules first.',
    );
  });

  it('asks for the group ID, and shows ECS’s DependencyViolation with its code, message and RequestId', async () => {
    const { api, user } = await renderGroupsPage(
      {
        ...groupLists(() => [spareGroup], instances),
        'POST /api/ecs/DeleteSecurityGroup': apiError(
          403,
          'DependencyViolation',
          'There is still instance(s) in the specified security group.',
          'ECS-DEL-9',
        ),
      },
      { firstId: 'sg-spare' },
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select spare' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Deleting removes the group and all of its rules for good.')).toBeInTheDocument();
    const confirm = dialog.getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(dialog.getByRole('textbox', { name: 'To confirm, type sg-spare' }), 'sg-spare');
    await user.click(confirm);
    expect(await screen.findByText('Could not delete sg-spare (spare)')).toBeInTheDocument();
    expect(screen.getByText('DependencyViolation')).toBeInTheDocument();
    expect(screen.getByText('There is still instance(s) in the specified security group.')).toBeInTheDocument();
    expect(screen.getByText('ECS-DEL-9')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/DeleteSecurityGroup').map((request) => request.body)).toEqual([
      { RegionId: REGION, SecurityGroupId: 'sg-spare' },
    ]);
  });
});
