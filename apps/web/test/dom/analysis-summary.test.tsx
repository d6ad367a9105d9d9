import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnalysisSummary } from '@/features/security-groups/components/AnalysisSummary';
import { RulesTable } from '@/features/security-groups/components/RulesTable';
import { analyseRules, findingsByRuleId, rulesOf } from '@/features/security-groups/logic/rules';
import { permission, REGION, securityGroup } from './group-detail-support';
import { renderInConsole } from './render';

const group = securityGroup('sg-mixed', {
  Permissions: [
    permission('sgr-dup1', { SourceCidrIp: '10.0.0.0/8' }),
    permission('sgr-dup2', { SourceCidrIp: '10.0.0.0/8' }),
    permission('sgr-deny', { Policy: 'Drop', PortRange: '3389/3389' }),
    permission('sgr-rdp', { Priority: '5', PortRange: '3389/3389', SourceCidrIp: '10.0.0.0/8' }),
    permission('sgr-m1', { Priority: '20', PortRange: '80/80', SourceCidrIp: '192.168.0.0/24' }),
    permission('sgr-m2', { Priority: '20', PortRange: '81/81', SourceCidrIp: '192.168.0.0/24' }),
    permission('sgr-db', { Priority: '30', PortRange: '3306/3306' }),
  ],
});

function renderAnalysis() {
  const rules = rulesOf(group);
  const findings = analyseRules(rules);
  return renderInConsole(
    <>
      <AnalysisSummary findings={findings} />
      <RulesTable rules={rules} regionId={REGION} header="Inbound rules" findings={findingsByRuleId(findings)} />
    </>,
  );
}

function rowOf(ruleId: string): HTMLElement {
  const row = within(screen.getByRole('table', { name: 'Inbound rules' }))
    .getAllByRole('row')
    .find((candidate) => candidate.querySelector('th')?.textContent?.includes(ruleId));
  if (!row) throw new Error(`no row for ${ruleId}`);
  return row;
}

describe('the rule analysis', () => {
  it('lists the findings by kind with counts, most exposing first, each naming its rules', async () => {
    renderAnalysis();
    const summary = await screen.findByRole('region', { name: 'Rule analysis' });
    const kinds = within(summary)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(kinds).toEqual([
      'Open to the internet (1)',
      'Allows overridden by a deny (1)',
      'Duplicates (1)',
      'Could be merged (1)',
    ]);
    expect(
      within(summary).getByText('Inbound: sgr-db (priority 30) opens MySQL (3306) to 0.0.0.0/0'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(
        'Inbound: sgr-rdp (priority 5) allows nothing: all its traffic is taken first by sgr-deny (priority 1), a deny among them',
      ),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('Inbound: sgr-dup2 (priority 1) duplicates sgr-dup1 (priority 1)'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(
        'Inbound: sgr-m1 (priority 20), sgr-m2 (priority 20) could be one rule into ports 80-81',
      ),
    ).toBeInTheDocument();
  });

  it('shows each finding on the rows of its rules, a mergeable one on each naming the other', async () => {
    renderAnalysis();
    await screen.findByRole('table', { name: 'Inbound rules' });
    expect(within(rowOf('sgr-dup2')).getByText('Duplicate of sgr-dup1 (priority 1)')).toBeInTheDocument();
    expect(
      within(rowOf('sgr-rdp')).getByText(
        'Overridden: all its traffic is taken first by sgr-deny (priority 1), a deny among them',
      ),
    ).toBeInTheDocument();
    expect(
      within(rowOf('sgr-m1')).getByText('Could be merged with sgr-m2 (priority 20) into ports 80-81'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('sgr-m2')).getByText('Could be merged with sgr-m1 (priority 20) into ports 80-81'),
    ).toBeInTheDocument();
    // A deny open to the world exposes nothing.
    expect(within(rowOf('sgr-deny')).queryByText(/Open to the internet/)).not.toBeInTheDocument();
  });

  it('says plainly when there is nothing to report', async () => {
    renderInConsole(<AnalysisSummary findings={[]} />);
    const summary = await screen.findByRole('region', { name: 'Rule analysis' });
    expect(within(summary).getByText(/^No findings: no rule is open to the internet/)).toBeInTheDocument();
    expect(within(summary).queryAllByRole('heading', { level: 3 })).toHaveLength(0);
  });
});
