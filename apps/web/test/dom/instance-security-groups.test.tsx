import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceNetwork } from '@/features/instances/components/InstanceNetwork';
import { InstanceSecurityGroups } from '@/features/security-groups';
import { makeInstance, makeSecurityGroup } from '../fixtures';
import { groupListAnswer, makeEgressRule, makeRule, SECURITY_GROUPS_PATH } from './effective-rules-support';
import { apiError, stubApi } from './fetch-stub';
import { renderInConsole } from './render';

// Cloudscape tables take a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

const webSsh = makeRule({ PortRange: '22/22', Description: 'ssh from anywhere' });
const webHttp = makeRule({ PortRange: '80/80' });
const webRdp = makeRule({ PortRange: '3389/3389', Priority: '10' });
const webOut = makeEgressRule({ IpProtocol: 'ALL', PortRange: '-1/-1' });
const web = makeSecurityGroup({
  SecurityGroupId: 'sg-web',
  SecurityGroupName: 'web',
  Permissions: [webSsh, webHttp, webRdp, webOut],
});
const opsDenyRdp = makeRule({ PortRange: '3389/3389', Policy: 'Drop', Priority: '1' });
const opsHttp = makeRule({ PortRange: '80/80' });
const opsOffice = makeRule({ PortRange: '80/80', SourceCidrIp: '10.0.0.0/8', Priority: '50' });
const ops = makeSecurityGroup({
  SecurityGroupId: 'sg-ops',
  SecurityGroupName: 'ops',
  SecurityGroupType: 'enterprise',
  InnerAccessPolicy: 'Drop',
  Permissions: [opsOffice, opsHttp, opsDenyRdp],
});
const otherRule = makeRule({ PortRange: '5432/5432' });
const other = makeSecurityGroup({ SecurityGroupId: 'sg-other', SecurityGroupName: 'other', Permissions: [otherRule] });

const instance = makeInstance({
  InstanceId: 'i-web1',
  InstanceName: 'web-1',
  SecurityGroupIds: { SecurityGroupId: ['sg-web', 'sg-ops'] },
});

const groupsTable = () => screen.findByRole('table', { name: 'Security groups' });
/** The rule IDs of a rules table, top to bottom (the rule ID is each row's header). */
function ruleIds(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent?.trim() ?? '');
}

describe("the instance page's security groups", () => {
  it("lists the instance's groups linked to their pages, with type, intra-group policy and rule counts", async () => {
    stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer([other, ops, web])) });
    renderInConsole(<InstanceSecurityGroups instance={instance} />);

    const table = await groupsTable();
    await within(table).findByText('web');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // In the instance's order, not the region list's.
    expect(within(rows[0]!).getByRole('link', { name: 'sg-web' })).toHaveAttribute(
      'href',
      '/security-groups/cn-hangzhou/sg-web',
    );
    expect(rows[0]).toHaveTextContent(/web.*Basic.*Reach each other.*3.*1/);
    expect(within(rows[1]!).getByRole('link', { name: 'sg-ops' })).toHaveAttribute(
      'href',
      '/security-groups/cn-hangzhou/sg-ops',
    );
    expect(rows[1]).toHaveTextContent(/ops.*Advanced.*Isolated.*3.*0/);
    expect(within(table).queryByText('sg-other')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Security groups/ })).toHaveTextContent('(2)');
  });

  it("merges the groups' rules in evaluation order, each with its group, inbound and outbound apart", async () => {
    stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer([other, ops, web])) });
    renderInConsole(<InstanceSecurityGroups instance={instance} />);

    const inbound = await screen.findByRole('table', { name: 'Effective inbound rules' });
    await within(inbound).findByText(opsDenyRdp.SecurityGroupRuleId);
    const order = ruleIds(inbound);
    // Priority 1 first, its deny before its allows; then 10, then 50; no rule of a group the instance is not in.
    expect(order).toHaveLength(6);
    expect(order[0]).toBe(opsDenyRdp.SecurityGroupRuleId);
    expect(new Set(order.slice(1, 4))).toEqual(
      new Set([webSsh.SecurityGroupRuleId, webHttp.SecurityGroupRuleId, opsHttp.SecurityGroupRuleId]),
    );
    expect(order.slice(4)).toEqual([webRdp.SecurityGroupRuleId, opsOffice.SecurityGroupRuleId]);
    expect(order).not.toContain(otherRule.SecurityGroupRuleId);

    const rowOf = (table: HTMLElement, ruleId: string) =>
      within(table)
        .getAllByRole('row')
        .find((row) => row.textContent?.includes(ruleId))!;
    expect(within(rowOf(inbound, opsDenyRdp.SecurityGroupRuleId)).getByRole('link', { name: 'ops' })).toHaveAttribute(
      'href',
      '/security-groups/cn-hangzhou/sg-ops',
    );
    expect(within(rowOf(inbound, webSsh.SecurityGroupRuleId)).getByRole('link', { name: 'web' })).toHaveAttribute(
      'href',
      '/security-groups/cn-hangzhou/sg-web',
    );

    const outbound = screen.getByRole('table', { name: 'Effective outbound rules' });
    expect(ruleIds(outbound)).toEqual([webOut.SecurityGroupRuleId]);
  });

  it("names what only the merged view shows: one group's rule duplicated, shadowed or overridden by another's", async () => {
    stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer([ops, web])) });
    renderInConsole(<InstanceSecurityGroups instance={instance} />);

    const analysis = await screen.findByRole('region', { name: 'Analysis of the effective rules' });
    const texts = await within(analysis).findAllByText(/sgr-/);
    const said = texts.map((text) => text.textContent).join('\n');
    // SSH open to the internet on the instance, whichever group opened it.
    expect(said).toContain(`${webSsh.SecurityGroupRuleId} (web) opens SSH 22 to the whole internet`);
    // The same HTTP rule in both groups.
    expect(said).toMatch(
      new RegExp(
        `(${opsHttp.SecurityGroupRuleId} \\(ops\\) duplicates ${webHttp.SecurityGroupRuleId} \\(web\\))|(${webHttp.SecurityGroupRuleId} \\(web\\) duplicates ${opsHttp.SecurityGroupRuleId} \\(ops\\))`,
      ),
    );
    // ops' office rule can never decide: web's HTTP from anywhere comes first.
    expect(said).toMatch(new RegExp(`${opsOffice.SecurityGroupRuleId} \\(ops\\) never decides: .*\\(web\\)`));
    // web's RDP allow (priority 10) loses to ops' deny at priority 1.
    expect(said).toContain(
      `${webRdp.SecurityGroupRuleId} (web) allows what ${opsDenyRdp.SecurityGroupRuleId} (ops) denies first.`,
    );
  });

  it('says so when the groups cannot be loaded, and loads them on Retry', async () => {
    let failing = true;
    const api = stubApi({
      [SECURITY_GROUPS_PATH]: () =>
        failing
          ? apiError(502, 'ServiceUnavailable', 'ECS did not answer', 'REQ-SG-1')
          : Response.json(groupListAnswer([ops, web])),
    });
    const { user } = renderInConsole(<InstanceSecurityGroups instance={instance} />);

    expect(await screen.findByText('The security groups could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('ServiceUnavailable')).toBeInTheDocument();
    expect(screen.getByText('REQ-SG-1')).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await within(await groupsTable()).findByText('web')).toBeInTheDocument();
    expect(api.to(SECURITY_GROUPS_PATH).length).toBeGreaterThanOrEqual(2);
  });

  it("marks a group the region's list lacks, and says the effective rules leave it out", async () => {
    stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer([web])) });
    renderInConsole(<InstanceSecurityGroups instance={instance} />);

    const table = await groupsTable();
    await within(table).findByText('web');
    const opsRow = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes('sg-ops'))!;
    expect(opsRow).toHaveTextContent("Not in the region's list");
    expect(
      screen.getByText("The effective rules below leave out sg-ops: the region's list of groups does not have it."),
    ).toBeInTheDocument();
    const inbound = screen.getByRole('table', { name: 'Effective inbound rules' });
    expect(ruleIds(inbound)).not.toContain(opsDenyRdp.SecurityGroupRuleId);
  });

  it('shows an instance in no group as such, with no effective rules', async () => {
    stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer([web])) });
    renderInConsole(<InstanceSecurityGroups instance={makeInstance({ SecurityGroupIds: { SecurityGroupId: [] } })} />);

    expect(await screen.findByText('This instance is in no security group.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Loading the security groups…')).not.toBeInTheDocument());
    expect(screen.queryByRole('table', { name: 'Effective inbound rules' })).not.toBeInTheDocument();
  });

  it("links the group IDs of the instance's network details to the groups' pages", () => {
    renderInConsole(<InstanceNetwork instance={instance} />);
    expect(screen.getByRole('link', { name: 'sg-web' })).toHaveAttribute('href', '/security-groups/cn-hangzhou/sg-web');
    expect(screen.getByRole('link', { name: 'sg-ops' })).toHaveAttribute('href', '/security-groups/cn-hangzhou/sg-ops');
  });
});
