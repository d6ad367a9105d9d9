import type { SecurityGroupSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SecurityGroupDetailPage } from '@/features/security-groups/routes/SecurityGroupDetailPage';
import { stubApi } from './fetch-stub';
import {
  GROUPS_PATH,
  INSTANCES_PATH,
  listRoute,
  member,
  permission,
  REGION,
  securityGroup,
} from './group-detail-support';
import { makeSession, renderInConsole } from './render';

const web = securityGroup('sg-web', {
  SecurityGroupName: 'web-servers',
  Description: 'Front end',
  Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
  Permissions: [
    permission('sgr-ssh', { Priority: '1' }),
    permission('sgr-office', { Priority: '10', SourceCidrIp: '10.0.0.0/8' }),
    permission('sgr-https', { Priority: '1', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8' }),
    permission('sgr-out', { Direction: 'egress', IpProtocol: 'ALL', PortRange: '-1/-1', Priority: '1' }),
  ],
});
const clean = securityGroup('sg-clean', {
  SecurityGroupName: 'internal',
  SecurityGroupType: 'enterprise',
  InnerAccessPolicy: 'Drop',
  Permissions: [permission('sgr-int', { SourceCidrIp: '172.16.0.0/12', PortRange: '8080/8080' })],
});
const referring = securityGroup('sg-app', {
  SecurityGroupName: 'app',
  Permissions: [permission('sgr-from-web', { SourceCidrIp: '', SourceGroupId: 'sg-web', PortRange: '8080/8080' })],
});
const instances = [member('i-web1', ['sg-web']), member('i-web2', ['sg-web', 'sg-app']), member('i-app', ['sg-app'])];

interface PageSetup {
  /** The groups the whole list has, read at each request. */
  readonly listed?: () => readonly SecurityGroupSummary[];
  /** The groups that exist when asked for by ID (default: those listed). */
  readonly existing?: () => readonly SecurityGroupSummary[];
  readonly role?: 'admin' | 'viewer';
}

function renderGroupPage(groupId: string, setup: PageSetup = {}) {
  const { listed = () => [web, clean, referring], role = 'admin' } = setup;
  const existing = setup.existing ?? listed;
  const api = stubApi({
    [GROUPS_PATH]: listRoute(
      'securityGroups',
      (group: SecurityGroupSummary) => group.SecurityGroupId,
      listed,
      existing,
    ),
    [INSTANCES_PATH]: listRoute(
      'instances',
      (instance: (typeof instances)[number]) => instance.InstanceId,
      () => instances,
    ),
  });
  const rendered = renderInConsole(
    <Routes>
      <Route path="/security-groups/:regionId/:groupId" element={<SecurityGroupDetailPage />} />
    </Routes>,
    { initialUrl: `/security-groups/${REGION}/${groupId}`, session: makeSession(role) },
  );
  return { ...rendered, api };
}

/** The nearest element around `inner` that also holds the button `buttonName` (a section with its header). */
function sectionAround(inner: HTMLElement, buttonName: string): HTMLElement {
  let element: HTMLElement | null = inner;
  while (element && !within(element).queryByRole('button', { name: buttonName })) element = element.parentElement;
  if (!element) throw new Error(`no section with ${buttonName}`);
  return element;
}

/** The inbound rules table with its header's buttons. */
const inboundSection = () => sectionAround(screen.getByRole('table', { name: 'Inbound rules' }), 'Add inbound rules');
/** The group's details with its Edit and Delete. */
const detailsSection = () => sectionAround(screen.getByRole('heading', { name: 'Security group details' }), 'Delete');

/** The value shown beside a label of the group's details. */
function fieldValue(label: string): string | null | undefined {
  const term = screen.getAllByText(label).find((element) => element.closest('dt'));
  return term?.closest('dt')?.parentElement?.querySelector('dd')?.textContent;
}

describe('the security group page', () => {
  it('says a group that no longer exists is not found, after asking for it by ID, and links back to the list', async () => {
    const { api } = renderGroupPage('sg-gone');

    expect(await screen.findByText('Security group not found')).toBeInTheDocument();
    expect(screen.getByText(/There is no security group sg-gone in cn-hangzhou/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the security groups' })).toHaveAttribute(
      'href',
      '/security-groups',
    );
    expect(api.to(GROUPS_PATH).map((request) => request.path)).toContain(
      `/api/regions/${REGION}/security-groups?ids=sg-gone`,
    );
    expect(screen.queryByRole('table', { name: 'Inbound rules' })).not.toBeInTheDocument();
  });

  it('turns into not found when the group is deleted while its page is open', async () => {
    let listed: readonly SecurityGroupSummary[] = [web, clean];
    const { user } = renderGroupPage('sg-clean', { listed: () => listed });
    expect(await screen.findByRole('heading', { level: 1, name: /internal/ })).toBeInTheDocument();

    listed = [web];
    await user.click(screen.getByRole('button', { name: 'Refresh the security group' }));
    expect(await screen.findByText('Security group not found')).toBeInTheDocument();
  });

  it('shows a group created since the list was fetched (found by ID)', async () => {
    const fresh = securityGroup('sg-fresh', { SecurityGroupName: 'fresh' });
    renderGroupPage('sg-fresh', { listed: () => [web], existing: () => [web, fresh] });
    expect(await screen.findByRole('heading', { level: 1, name: /fresh/ })).toBeInTheDocument();
  });

  it('shows what the group is, its members and rules counted, and the groups whose rules name it', async () => {
    renderGroupPage('sg-web');
    expect(await screen.findByRole('heading', { level: 1, name: /web-servers/ })).toBeInTheDocument();
    expect(fieldValue('Type')).toBe('Basic');
    expect(fieldValue('Traffic between members')).toBe('Allowed (intra-group policy Accept)');
    expect(fieldValue('Rules')).toBe('3 inbound, 1 outbound');
    expect(fieldValue('Description')).toBe('Front end');
    expect(fieldValue('Tags')).toBe('env=prod');
    await waitFor(() => expect(fieldValue('Member instances')).toBe('2'));
    expect(screen.getByRole('link', { name: 'app' })).toHaveAttribute('href', `/security-groups/${REGION}/sg-app`);
  });

  it('sums up the findings by kind, naming the rules; the tables show them on each row', async () => {
    renderGroupPage('sg-web');
    const summary = await screen.findByRole('region', { name: 'Rule analysis' });
    const open = within(summary).getByRole('region', { name: 'Open to the internet' });
    expect(within(open).getByText('Open to the internet (1)')).toBeInTheDocument();
    expect(within(open).getByText('Inbound: sgr-ssh (priority 1) opens SSH (22) to 0.0.0.0/0')).toBeInTheDocument();
    const shadowed = within(summary).getByRole('region', { name: 'Shadowed: never decide' });
    expect(
      within(shadowed).getByText(
        'Inbound: sgr-office (priority 10) never decides: all its traffic is taken first by sgr-ssh (priority 1)',
      ),
    ).toBeInTheDocument();
    const inbound = screen.getByRole('table', { name: 'Inbound rules' });
    expect(within(inbound).getByText('Open to the internet on SSH (22)')).toBeInTheDocument();
  });

  it('says plainly when the analysis finds nothing, and shows an advanced group as such', async () => {
    renderGroupPage('sg-clean');
    const summary = await screen.findByRole('region', { name: 'Rule analysis' });
    expect(within(summary).getByText(/^No findings/)).toBeInTheDocument();
    expect(fieldValue('Type')).toBe('Advanced');
    expect(fieldValue('Traffic between members')).toBe('Isolated (intra-group policy Drop)');
  });

  it("marks in the rules table the rule that decides the access check's answer", async () => {
    const { user } = renderGroupPage('sg-web');
    const inbound = await screen.findByRole('table', { name: 'Inbound rules' });
    const form = screen.getByRole('form', { name: 'Access check' });
    await user.type(within(form).getByRole('textbox', { name: 'Source address' }), '10.1.2.3');
    await user.type(within(form).getByRole('textbox', { name: 'Port' }), '22');
    await user.click(within(form).getByRole('button', { name: 'Check access' }));

    expect(await screen.findByText('Allowed')).toBeInTheDocument();
    const marked = await within(inbound).findByText('Deciding rule');
    expect(marked.closest('tr')).toHaveTextContent('sgr-ssh');
    expect(within(screen.getByRole('table', { name: 'Outbound rules' })).queryByText('Deciding rule')).toBeNull();
  });

  it('lets a viewer read the rules but not change them, and says why', async () => {
    const { user } = renderGroupPage('sg-web', { role: 'viewer' });
    const inbound = await screen.findByRole('table', { name: 'Inbound rules' });
    await user.click(within(inbound).getByRole('checkbox', { name: 'Select rule sgr-ssh' }));
    for (const name of ['Add inbound rules', 'Add outbound rules']) {
      expect(screen.getByRole('button', { name })).toHaveAccessibleDescription('Changing rules needs the admin role.');
    }
    for (const name of ['Edit', 'Delete']) {
      const button = within(inboundSection()).getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription('Changing rules needs the admin role.');
      // The group's own Edit and Delete too.
      expect(within(detailsSection()).getByRole('button', { name })).toHaveAccessibleDescription(
        'Your role does not allow this action.',
      );
    }
  });

  it('refuses to delete a group with instances inside, saying which, and lets an admin edit it', async () => {
    renderGroupPage('sg-web');
    await screen.findByRole('heading', { name: 'Security group details' });
    const remove = within(detailsSection()).getByRole('button', { name: 'Delete' });
    await waitFor(() =>
      expect(remove).toHaveAccessibleDescription(
        'sg-web (web-servers) has 2 instances inside: i-web1 (web1), i-web2 (web2). Move them to other groups first.',
      ),
    );
    expect(within(detailsSection()).getByRole('button', { name: 'Edit' })).not.toHaveAttribute('aria-disabled');
  });

  it('lets an admin edit exactly one selected rule and delete the selected ones', async () => {
    const { user } = renderGroupPage('sg-web');
    const inbound = await screen.findByRole('table', { name: 'Inbound rules' });
    const edit = within(inboundSection()).getByRole('button', { name: 'Edit' });
    const remove = within(inboundSection()).getByRole('button', { name: 'Delete' });
    expect(edit).toHaveAccessibleDescription('Select one rule to edit.');
    expect(remove).toHaveAccessibleDescription('Select the rules to delete.');

    await user.click(within(inbound).getByRole('checkbox', { name: 'Select rule sgr-ssh' }));
    expect(edit).not.toHaveAttribute('aria-disabled');
    await user.click(within(inbound).getByRole('checkbox', { name: 'Select rule sgr-office' }));
    expect(edit).toHaveAccessibleDescription('Select one rule to edit.');
    expect(remove).not.toHaveAttribute('aria-disabled');
    await user.click(remove);
    // The confirmation (H6's RevokeRulesModal) opens for the two rules; its content is tested with it.
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });
});
