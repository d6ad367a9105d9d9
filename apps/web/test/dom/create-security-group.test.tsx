import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSecurityGroup } from '../fixtures';
import { apiError } from './fetch-stub';
import { groupLists, instances, REGION, renderGroupsPage, webGroup } from './security-group-table-support';

configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const created = makeSecurityGroup({ SecurityGroupId: 'sg-new', SecurityGroupName: 'web-tier' });

describe('create security group', () => {
  it('creates from a template once on a double click, shows the rules it adds, and reports each step', async () => {
    let listed = [webGroup];
    const { api, user } = await renderGroupsPage({
      ...groupLists(() => listed, instances),
      'POST /api/ecs/CreateSecurityGroup': () => {
        listed = [webGroup, created];
        return Response.json({ RequestId: 'REQ-CREATE', SecurityGroupId: 'sg-new' });
      },
      'POST /api/ecs/AuthorizeSecurityGroup': Response.json({ RequestId: 'REQ-RULES' }),
    });
    await user.click(screen.getByRole('button', { name: 'Create security group' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'web-tier');
    await user.click(dialog.getByRole('radio', { name: /^Linux web server/ }));
    const adds = dialog.getByRole('list', { name: 'The template adds 4 inbound rules:' });
    expect(within(adds).getByText('SSH: TCP port 22, allowed from 0.0.0.0/0')).toBeInTheDocument();
    expect(within(adds).getByText('ICMP (IPv4): ICMP, allowed from 0.0.0.0/0')).toBeInTheDocument();
    expect(dialog.getByText(/is open to the whole internet/)).toBeInTheDocument();
    const source = dialog.getByRole('textbox', { name: 'Source for remote administration (SSH / RDP)' });
    await user.clear(source);
    await user.type(source, '203.0.113.0/24');
    expect(dialog.queryByText(/is open to the whole internet/)).not.toBeInTheDocument();
    expect(within(adds).getByText('SSH: TCP port 22, allowed from 203.0.113.0/24')).toBeInTheDocument();

    await user.dblClick(dialog.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Security group sg-new created with 4 rules')).toBeInTheDocument();
    expect(screen.getByText('REQ-CREATE')).toBeInTheDocument();
    expect(screen.getByText('REQ-RULES')).toBeInTheDocument();

    const creates = api.to('POST /api/ecs/CreateSecurityGroup');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.body).toMatchObject({
      RegionId: REGION,
      VpcId: 'vpc-bp1vpc0001',
      SecurityGroupName: 'web-tier',
      SecurityGroupType: 'normal',
    });
    expect((creates[0]?.body as { ClientToken?: string }).ClientToken).toMatch(/^[0-9a-f]{32}$/);
    const rules = api.to('POST /api/ecs/AuthorizeSecurityGroup');
    expect(rules).toHaveLength(1);
    const body = rules[0]?.body as {
      SecurityGroupId: string;
      Permissions: { PortRange: string; SourceCidrIp: string }[];
    };
    expect(body.SecurityGroupId).toBe('sg-new');
    expect(body.Permissions.map((rule) => [rule.PortRange, rule.SourceCidrIp])).toEqual([
      ['22/22', '203.0.113.0/24'],
      ['80/80', '0.0.0.0/0'],
      ['443/443', '0.0.0.0/0'],
      ['-1/-1', '0.0.0.0/0'],
    ]);
    // The new group is asked for by ID and shows in the list, besides the report's link.
    await waitFor(() => expect(screen.getAllByRole('link', { name: 'sg-new' })).toHaveLength(2));
    expect(
      api.to('GET /api/regions/cn-hangzhou/security-groups').some((request) => request.path.endsWith('?ids=sg-new')),
    ).toBe(true);
  });

  it('keeps the dialog on a refused create, and sends the same ClientToken when retried', async () => {
    let attempts = 0;
    const { api, user } = await renderGroupsPage({
      ...groupLists(() => [webGroup], instances),
      'POST /api/ecs/CreateSecurityGroup': () =>
        ++attempts === 1
          ? apiError(403, 'QuotaExceed.SecurityGroup', 'The maximum number of security groups is reached.', 'ECS-Q')
          : Response.json({ RequestId: 'REQ-CREATE-2', SecurityGroupId: 'sg-new' }),
    });
    await user.click(screen.getByRole('button', { name: 'Create security group' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'web-tier');
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    expect(await dialog.findByText('QuotaExceed.SecurityGroup')).toBeInTheDocument();
    expect(dialog.getByText('ECS-Q')).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Security group sg-new created')).toBeInTheDocument();
    const tokens = api
      .to('POST /api/ecs/CreateSecurityGroup')
      .map((request) => (request.body as { ClientToken: string }).ClientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
    expect(api.to('POST /api/ecs/AuthorizeSecurityGroup')).toEqual([]);
  });

  it('says so, with a link to the group, when the group was made but its rules were refused', async () => {
    const { user } = await renderGroupsPage({
      ...groupLists(() => [webGroup], instances),
      'POST /api/ecs/CreateSecurityGroup': Response.json({ RequestId: 'REQ-CREATE', SecurityGroupId: 'sg-new' }),
      'POST /api/ecs/AuthorizeSecurityGroup': apiError(
        400,
        'InvalidSourceCidrIp.Malformed',
        'The specified parameter SourceCidrIp is not valid.',
        'ECS-RULES-1',
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Create security group' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'win');
    await user.click(dialog.getByRole('radio', { name: /^Windows server/ }));
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    expect(
      await screen.findByText('Security group sg-new created, but its starting rules were not added'),
    ).toBeInTheDocument();
    expect(screen.getByText('InvalidSourceCidrIp.Malformed')).toBeInTheDocument();
    expect(screen.getByText('ECS-RULES-1')).toBeInTheDocument();
    expect(screen.getByText('REQ-CREATE')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: 'sg-new' })[0]).toHaveAttribute(
        'href',
        '/security-groups/cn-hangzhou/sg-new',
      ),
    );
  });
});
