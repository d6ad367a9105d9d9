import type { InstanceSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSecurityGroupList } from '@/features/security-groups/api/security-group-list';
import { GroupMembers } from '@/features/security-groups/components/GroupMembers';
import { apiError, stubApi } from './fetch-stub';
import { GROUPS_PATH, groupPageLists, INSTANCES_PATH, member, ok, REGION, securityGroup } from './group-detail-support';
import { makeSession, renderInConsole } from './render';

const web = securityGroup('sg-web', { SecurityGroupName: 'web' });
const db = securityGroup('sg-db', { SecurityGroupName: 'db' });

const instances: InstanceSummary[] = [
  member('i-only', ['sg-web']),
  member('i-two', ['sg-web', 'sg-db'], { Status: 'Stopped' }),
  member('i-free', ['sg-db']),
  member('i-full', ['sg-db', 'sg-2', 'sg-3', 'sg-4', 'sg-5']),
  member('i-boot', ['sg-db'], { Status: 'Starting' }),
  member('i-far', ['sg-db'], {
    VpcAttributes: {
      VpcId: 'vpc-other',
      VSwitchId: 'vsw-other',
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: ['192.168.0.9'] },
    },
  }),
];

/** Keeps the region's group list loaded, as the group page does, so the refresh of the group can be seen. */
function GroupListObserver() {
  const list = useSecurityGroupList(REGION);
  return <output aria-label="Groups listed">{list.data?.securityGroups.length ?? '-'}</output>;
}

function renderMembers(role: 'admin' | 'viewer' = 'admin', routes: Record<string, () => Response> = {}) {
  const api = stubApi({
    ...groupPageLists(
      () => [web, db],
      () => instances,
    ),
    ...routes,
  });
  const rendered = renderInConsole(
    <>
      <GroupListObserver />
      <GroupMembers regionId={REGION} group={web} />
    </>,
    { session: makeSession(role) },
  );
  return { ...rendered, api };
}

const membersTable = () => screen.findByRole('table', { name: 'Member instances' });

/** The `?ids=` the page asked a list for after an action. */
const askedIds = (api: ReturnType<typeof renderMembers>['api'], route: string) =>
  api
    .to(route)
    .map((request) => new URL(request.path, 'http://console.test').searchParams.get('ids'))
    .filter((ids) => ids !== null);

describe("a group's members", () => {
  it('lists the instances in the group, linked to their pages', async () => {
    renderMembers();
    const table = await membersTable();
    await within(table).findByRole('link', { name: 'i-only' });
    expect(within(table).getByRole('link', { name: 'i-only' })).toHaveAttribute('href', `/instances/${REGION}/i-only`);
    expect(within(table).getByRole('link', { name: 'i-two' })).toBeInTheDocument();
    expect(within(table).getByText('Stopped')).toBeInTheDocument();
    expect(within(table).queryByText('i-free')).not.toBeInTheDocument();
  });

  it('refuses, with the reason, to take an instance out of its last group', async () => {
    const { user } = renderMembers();
    const table = await membersTable();
    await user.click(await within(table).findByRole('checkbox', { name: 'Select only' }));
    const leave = screen.getByRole('button', { name: 'Remove from group' });
    expect(leave).toHaveAttribute('aria-disabled', 'true');
    expect(leave).toHaveAccessibleDescription(
      'This is the only security group of only: ECS does not let an instance leave its last group.',
    );
  });

  it('takes an instance out after confirmation, reports the RequestId and asks for the group and instance again', async () => {
    const { user, api } = renderMembers('admin', { 'POST /api/ecs/LeaveSecurityGroup': ok('LEAVE-1') });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Groups listed' })).toHaveTextContent('2'));
    const table = await membersTable();
    await user.click(await within(table).findByRole('checkbox', { name: 'Select two' }));
    await user.click(screen.getByRole('button', { name: 'Remove from group' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('keeps sg-db')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove from group' }));

    expect(await screen.findByText('i-two (two) left the group')).toBeInTheDocument();
    expect(screen.getByText('LEAVE-1')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/LeaveSecurityGroup').map((request) => request.body)).toEqual([
      { RegionId: REGION, SecurityGroupId: 'sg-web', InstanceId: 'i-two' },
    ]);
    await waitFor(() => expect(askedIds(api, INSTANCES_PATH)).toContain('i-two'));
    await waitFor(() => expect(askedIds(api, GROUPS_PATH)).toContain('sg-web'));
  });

  it("shows ECS's refusal to let an instance leave, with its code and RequestId", async () => {
    const { user } = renderMembers('admin', {
      'POST /api/ecs/LeaveSecurityGroup': () =>
        apiError(
          403,
          'InstanceLastSecurityGroup',
          'The instance must be in at least one security group.',
          'ECS-LEAVE-9',
        ),
    });
    const table = await membersTable();
    await user.click(await within(table).findByRole('checkbox', { name: 'Select two' }));
    await user.click(screen.getByRole('button', { name: 'Remove from group' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove from group' }));

    expect(await screen.findByText('Could not remove i-two (two) from the group')).toBeInTheDocument();
    expect(screen.getByText('InstanceLastSecurityGroup')).toBeInTheDocument();
    expect(screen.getByText('ECS-LEAVE-9')).toBeInTheDocument();
  });

  it("offers to add the VPC's other instances, those ECS would refuse disabled with the reason", async () => {
    const { user, api } = renderMembers('admin', { 'POST /api/ecs/JoinSecurityGroup': ok('JOIN-1') });
    await membersTable();
    await user.click(screen.getByRole('button', { name: 'Add instances' }));
    const dialog = await screen.findByRole('dialog');
    const picker = await within(dialog).findByRole('table', { name: "Instances of the group's VPC" });
    await within(picker).findByText('i-free');
    // Members and instances of another VPC are not offered.
    for (const absent of ['i-only', 'i-two', 'i-far'])
      expect(within(picker).queryByText(absent)).not.toBeInTheDocument();
    expect(within(picker).getByText('Already in 5 security groups, the most ECS allows')).toBeInTheDocument();
    expect(within(picker).getByText('Starting: must be Running or Stopped')).toBeInTheDocument();
    expect(within(picker).getByRole('checkbox', { name: 'Select full' })).toBeDisabled();
    expect(within(picker).getByRole('checkbox', { name: 'Select boot' })).toBeDisabled();
    const add = within(dialog).getByRole('button', { name: 'Add to group' });
    expect(add).toBeDisabled();

    await user.click(within(picker).getByRole('checkbox', { name: 'Select free' }));
    await user.click(add);
    expect(await screen.findByText('i-free (free) joined the group')).toBeInTheDocument();
    expect(screen.getByText('JOIN-1')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/JoinSecurityGroup').map((request) => request.body)).toEqual([
      { RegionId: REGION, SecurityGroupId: 'sg-web', InstanceId: 'i-free' },
    ]);
    await waitFor(() => expect(askedIds(api, INSTANCES_PATH)).toContain('i-free'));
  });

  it('lets a viewer see the members but neither add nor remove, and says why', async () => {
    const { user } = renderMembers('viewer');
    const table = await membersTable();
    await user.click(await within(table).findByRole('checkbox', { name: 'Select two' }));
    const reason = 'Adding instances to groups and removing them needs the admin role.';
    for (const name of ['Add instances', 'Remove from group']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
  });
});
