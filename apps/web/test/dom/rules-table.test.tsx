import Button from '@cloudscape-design/components/button';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RulesTable } from '@/features/security-groups/components/RulesTable';
import { analyseRules, findingsByRuleId, rulesOf } from '@/features/security-groups/logic/rules';
import { permission, REGION, securityGroup } from './group-detail-support';
import { renderInConsole } from './render';

const web = securityGroup('sg-web', {
  SecurityGroupName: 'web-servers',
  Permissions: [
    permission('sgr-a', { Priority: '5', PortRange: '80/80' }),
    permission('sgr-b', { Priority: '1', PortRange: '443/443' }),
    permission('sgr-c', { Priority: '5', PortRange: '80/80', Policy: 'Drop', SourceCidrIp: '198.51.100.0/24' }),
    permission('sgr-d', { Priority: '100', IpProtocol: 'ALL', PortRange: '-1/-1' }),
  ],
});

function renderTable(group: SecurityGroupSummary, props: { highlightRuleId?: string; withFindings?: boolean } = {}) {
  const rules = rulesOf(group);
  const findings = props.withFindings ? findingsByRuleId(analyseRules(rules)) : undefined;
  return renderInConsole(
    <RulesTable
      rules={rules}
      regionId={REGION}
      header="Inbound rules"
      findings={findings}
      highlightRuleId={props.highlightRuleId}
    />,
  );
}

/** The rule IDs of the table's rows, top to bottom. */
function rowIds(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => /sgr-[a-z0-9-]+/.exec(row.querySelector('th')?.textContent ?? '')?.[0] ?? '?');
}

function rowOf(table: HTMLElement, ruleId: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.querySelector('th')?.textContent?.includes(ruleId));
  if (!row) throw new Error(`no row for ${ruleId}`);
  return row;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the rules table', () => {
  it('lists rules in evaluation order: lowest priority first, deny before allow at a tie', async () => {
    renderTable(web);
    const table = await screen.findByRole('table', { name: 'Inbound rules' });
    expect(rowIds(table)).toEqual(['sgr-b', 'sgr-c', 'sgr-a', 'sgr-d']);
    expect(within(rowOf(table, 'sgr-c')).getByText('Deny')).toBeInTheDocument();
    expect(within(rowOf(table, 'sgr-a')).getByText('Allow')).toBeInTheDocument();
    expect(within(rowOf(table, 'sgr-d')).getAllByText('All')).toHaveLength(2);
  });

  it('sorts by another column on demand and filters by any text a row shows', async () => {
    const { user } = renderTable(web);
    const table = await screen.findByRole('table', { name: 'Inbound rules' });
    await user.click(within(table).getByText('Rule ID'));
    expect(rowIds(table)).toEqual(['sgr-a', 'sgr-b', 'sgr-c', 'sgr-d']);

    await user.type(screen.getByRole('searchbox', { name: 'Filter Inbound rules' }), '198.51');
    await waitFor(() => expect(rowIds(table)).toEqual(['sgr-c']));
  });

  it('shows how each peer is named: CIDR (IPv4 and IPv6), another group by name with its link, a prefix list', async () => {
    const db = securityGroup('sg-db', { SecurityGroupName: 'db-servers' });
    const group = securityGroup('sg-app', {
      Permissions: [
        permission('sgr-v6', { SourceCidrIp: '', Ipv6SourceCidrIp: '::/0', PortRange: '80/443', Priority: '2' }),
        permission('sgr-peer', { SourceCidrIp: '', SourceGroupId: 'sg-db', PortRange: '3306/3306', Priority: '3' }),
        permission('sgr-pl', {
          SourceCidrIp: '',
          SourcePrefixListId: 'pl-office',
          SourcePrefixListName: 'office',
          Priority: '4',
        }),
      ],
    });
    renderInConsole(
      <RulesTable
        rules={rulesOf(group)}
        regionId={REGION}
        header="Inbound rules"
        groupsById={new Map([['sg-db', db]])}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Inbound rules' });
    expect(within(table).getByRole('columnheader', { name: /Source/ })).toBeInTheDocument();
    expect(within(rowOf(table, 'sgr-v6')).getByText('::/0')).toBeInTheDocument();
    expect(within(rowOf(table, 'sgr-v6')).getByText('80-443')).toBeInTheDocument();
    const link = within(rowOf(table, 'sgr-peer')).getByRole('link', { name: 'db-servers' });
    expect(link).toHaveAttribute('href', `/security-groups/${REGION}/sg-db`);
    expect(within(rowOf(table, 'sgr-pl')).getByText('Prefix list office (pl-office)')).toBeInTheDocument();
  });

  it("shows each rule's findings on its row, naming the other rules", async () => {
    const group = securityGroup('sg-ssh', {
      Permissions: [
        permission('sgr-open', { Priority: '1' }),
        permission('sgr-office', { Priority: '10', SourceCidrIp: '10.0.0.0/8' }),
        permission('sgr-web', { Priority: '1', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8' }),
      ],
    });
    renderTable(group, { withFindings: true });
    const table = await screen.findByRole('table', { name: 'Inbound rules' });
    expect(within(rowOf(table, 'sgr-open')).getByText('Open to the internet on SSH (22)')).toBeInTheDocument();
    expect(
      within(rowOf(table, 'sgr-office')).getByText(
        'Never decides: all its traffic is taken first by sgr-open (priority 1)',
      ),
    ).toBeInTheDocument();
    // A rule without findings says none: its analysis cell and its description are both "-".
    expect(within(rowOf(table, 'sgr-web')).getAllByText('-')).toHaveLength(2);
  });

  it('marks the deciding rule, scrolls to it, and clears a filter that hides it', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    function Harness() {
      const [highlight, setHighlight] = useState<string>();
      return (
        <>
          <Button onClick={() => setHighlight('sgr-c')}>Decide</Button>
          <RulesTable rules={rulesOf(web)} regionId={REGION} header="Inbound rules" highlightRuleId={highlight} />
        </>
      );
    }
    const { user } = renderInConsole(<Harness />);
    const table = await screen.findByRole('table', { name: 'Inbound rules' });
    expect(within(table).queryByText('Deciding rule')).not.toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Filter Inbound rules' }), '443');
    await waitFor(() => expect(rowIds(table)).toEqual(['sgr-b']));

    await user.click(screen.getByRole('button', { name: 'Decide' }));
    await waitFor(() => expect(rowIds(table)).toEqual(['sgr-b', 'sgr-c', 'sgr-a', 'sgr-d']));
    expect(screen.getByRole('searchbox', { name: 'Filter Inbound rules' })).toHaveValue('');
    expect(within(rowOf(table, 'sgr-c')).getByText('Deciding rule')).toBeInTheDocument();
    expect(within(table).getAllByText('Deciding rule')).toHaveLength(1);
    await waitFor(() => expect(scrolled.some((element) => rowOf(table, 'sgr-c').contains(element))).toBe(true));

    // Cleared once for the new mark: the user may still filter it away.
    await user.type(screen.getByRole('searchbox', { name: 'Filter Inbound rules' }), '443');
    await waitFor(() => expect(rowIds(table)).toEqual(['sgr-b']));
  });
});
