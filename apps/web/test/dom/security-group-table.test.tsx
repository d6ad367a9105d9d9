import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dbGroup,
  groupLists,
  GROUPS_PATH,
  instances,
  renderGroupsPage,
  rowOf,
  spareGroup,
  webGroup,
} from './security-group-table-support';

// Rendering a table takes a while on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const groups = () => [webGroup, dbGroup, spareGroup];

describe('security group table', () => {
  it('lists every group with its type, rule counts, members, findings and a linked, copyable ID', async () => {
    await renderGroupsPage(groupLists(groups, instances));
    expect(screen.getByRole('link', { name: 'sg-web' })).toHaveAttribute('href', '/security-groups/cn-hangzhou/sg-web');
    expect(screen.getByRole('button', { name: 'Copy sg-web' })).toBeInTheDocument();
    const web = within(rowOf('sg-web'));
    expect(web.getByText('Basic')).toBeInTheDocument();
    expect(web.getByText('1 high')).toBeInTheDocument();
    await waitFor(() =>
      expect(web.getByRole('link', { name: 'web-1' })).toHaveAttribute('href', '/instances/cn-hangzhou/i-web1'),
    );
    expect(web.getByRole('link', { name: 'web-2' })).toBeInTheDocument();
    const db = within(rowOf('sg-db'));
    expect(db.getByText('Advanced')).toBeInTheDocument();
    expect(db.getByText('None')).toBeInTheDocument();
    // Two inbound rules and one outbound for web; cells in the table's column order.
    const cells = within(rowOf('sg-web'))
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(expect.arrayContaining(['2', '1']));
    expect(screen.getByText('(3)')).toBeInTheDocument();
  });

  it('lets a viewer see everything but disables every write with the reason', async () => {
    const { user } = await renderGroupsPage(groupLists(groups, instances), { role: 'viewer' });
    expect(screen.getByRole('button', { name: 'Create security group' })).toHaveAccessibleDescription(
      'Your role does not allow this action.',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select spare' }));
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(
      'Your role does not allow this action.',
    );
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'View' })).not.toHaveAttribute('aria-disabled');
  });

  it('disables delete upfront, naming the instances inside and the groups whose rules refer to it', async () => {
    const { user, api } = await renderGroupsPage(groupLists(groups, instances));
    await waitFor(() => expect(within(rowOf('sg-web')).getByRole('link', { name: 'web-1' })).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Select web' }));
    const remove = screen.getByRole('button', { name: 'Delete' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAccessibleDescription(
      'sg-web (web) has 2 instances inside: i-web1 (web-1), i-web2 (web-2). Move them to other groups first.',
    );
    expect(api.sent.filter((request) => request.method === 'POST')).toEqual([]);
    expect(api.to(GROUPS_PATH).length).toBeGreaterThan(0);
  });
});
