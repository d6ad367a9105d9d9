import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import { EffectiveRules } from '@/features/security-groups/components/EffectiveRules';
import { instanceLevelFindings } from '@/features/security-groups/components/EffectiveRulesFindings';
import { analyseRules, effectiveRules } from '@/features/security-groups/logic/rules';
import { makeSecurityGroup } from '../fixtures';
import { groupListAnswer, makeEgressRule, makeRule, REGION, SECURITY_GROUPS_PATH } from './effective-rules-support';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

// Cloudscape tables take a while to render on a busy machine; waits end as soon as their condition holds.
configure({ asyncUtilTimeout: 10_000 });

const webSsh = makeRule({ PortRange: '22/22' });
const webRdp = makeRule({ PortRange: '3389/3389', Priority: '10' });
const web = makeSecurityGroup({ SecurityGroupId: 'sg-web', SecurityGroupName: 'web', Permissions: [webSsh, webRdp] });
const opsDenyRdp = makeRule({ PortRange: '3389/3389', Policy: 'Drop', SourceCidrIp: '203.0.113.0/24' });
const ops = makeSecurityGroup({ SecurityGroupId: 'sg-ops', SecurityGroupName: 'ops', Permissions: [opsDenyRdp] });

function renderEffectiveRules(groups: readonly SecurityGroupSummary[]) {
  stubApi({ [SECURITY_GROUPS_PATH]: () => Response.json(groupListAnswer(groups)) });
  return renderInConsole(
    <EffectiveRules
      regionId={REGION}
      groups={groups}
      groupsById={new Map(groups.map((group) => [group.SecurityGroupId, group]))}
      targetLabel="web-1"
    />,
  );
}

/** The row of a rule in a table. */
function rowOf(table: HTMLElement, ruleId: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(ruleId));
  if (!row) throw new Error(`no row for ${ruleId}`);
  return row;
}

describe("an instance's effective rules", () => {
  it("answers the access check from all the instance's groups and marks the deciding rule in the merged table", async () => {
    const { user } = renderEffectiveRules([web, ops]);
    const inbound = await screen.findByRole('table', { name: 'Effective inbound rules' });
    await within(inbound).findByText(opsDenyRdp.SecurityGroupRuleId);
    expect(within(inbound).queryByText('Deciding rule')).not.toBeInTheDocument();

    // RDP from 203.0.113.10: web allows it at priority 10, but ops' deny comes first at priority 1.
    const address = screen.getByRole('textbox', { name: 'Source address' });
    await user.type(address, '203.0.113.10');
    await user.type(screen.getByRole('textbox', { name: 'Port' }), '3389');
    await user.click(screen.getByRole('button', { name: 'Check access' }));
    expect(await screen.findByText('Denied')).toBeInTheDocument();
    expect(screen.getByText(/TCP port 3389 from 203\.0\.113\.10 to web-1/)).toBeInTheDocument();
    expect(within(rowOf(inbound, opsDenyRdp.SecurityGroupRuleId)).getByText('Deciding rule')).toBeInTheDocument();
    expect(within(rowOf(inbound, webRdp.SecurityGroupRuleId)).queryByText('Deciding rule')).not.toBeInTheDocument();

    // From elsewhere the deny does not match: web's allow decides.
    await user.clear(address);
    await user.type(address, '198.51.100.7');
    await user.click(screen.getByRole('button', { name: 'Check access' }));
    expect(await screen.findByText('Allowed')).toBeInTheDocument();
    expect(within(rowOf(inbound, webRdp.SecurityGroupRuleId)).getByText('Deciding rule')).toBeInTheDocument();
    expect(within(rowOf(inbound, opsDenyRdp.SecurityGroupRuleId)).queryByText('Deciding rule')).not.toBeInTheDocument();

    // A port no rule opens: denied by default, and no rule is marked.
    const port = screen.getByRole('textbox', { name: 'Port' });
    await user.clear(port);
    await user.type(port, '5432');
    await user.click(screen.getByRole('button', { name: 'Check access' }));
    expect(
      await screen.findByText(/No rule matches: inbound traffic that no rule allows is denied/),
    ).toBeInTheDocument();
    expect(within(inbound).queryByText('Deciding rule')).not.toBeInTheDocument();
  });

  it("marks findings within one group on their rows, but keeps the instance's analysis to what spans groups", async () => {
    const wide = makeRule({ PortRange: '80/80', SourceCidrIp: '10.0.0.0/8', Priority: '1' });
    const narrow = makeRule({ PortRange: '80/80', SourceCidrIp: '10.1.0.0/16', Priority: '20' });
    const app = makeSecurityGroup({ SecurityGroupId: 'sg-app', SecurityGroupName: 'app', Permissions: [wide, narrow] });
    renderEffectiveRules([app]);

    const inbound = await screen.findByRole('table', { name: 'Effective inbound rules' });
    await within(inbound).findByText(narrow.SecurityGroupRuleId);
    // The row says it is shadowed (the group's own page says so too)...
    expect(rowOf(inbound, narrow.SecurityGroupRuleId).textContent).toContain(wide.SecurityGroupRuleId);
    // ...and the instance-level analysis has nothing only this view shows.
    const analysis = screen.getByRole('region', { name: 'Analysis of the effective rules' });
    expect(within(analysis).getByText(/No rule is open to the internet on an administrative port/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Effective outbound rules' })).toHaveTextContent('No rules');
  });
});

describe('instanceLevelFindings', () => {
  it('keeps findings across groups and inbound world-open rules; leaves out one-group, mergeable and outbound ones', () => {
    const sshAnywhere = makeRule({ PortRange: '22/22' });
    const sshOffice = makeRule({ PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Priority: '5' });
    const httpA = makeRule({ PortRange: '80/80', SourceCidrIp: '10.0.0.0/8' });
    const httpB = makeRule({ PortRange: '81/81', SourceCidrIp: '10.0.0.0/8' });
    const outSsh = makeEgressRule({ PortRange: '22/22' });
    const first = makeSecurityGroup({ SecurityGroupId: 'sg-first', Permissions: [sshAnywhere, httpA, httpB, outSsh] });
    const second = makeSecurityGroup({ SecurityGroupId: 'sg-second', Permissions: [sshOffice] });
    const findings = (['ingress', 'egress'] as const).flatMap((direction) =>
      analyseRules(effectiveRules([first, second], direction)),
    );
    // The analysis itself sees the mergeable HTTP pair and the outbound SSH rule.
    expect(findings.some((finding) => finding.kind === 'mergeable')).toBe(true);

    const kept = instanceLevelFindings(findings);
    const describe = kept.map((finding) =>
      finding.kind === 'mergeable' ? 'mergeable' : `${finding.kind}:${finding.rule.ruleId}`,
    );
    expect(describe).toContain(`worldOpen:${sshAnywhere.SecurityGroupRuleId}`);
    expect(describe).toContain(`shadowed:${sshOffice.SecurityGroupRuleId}`);
    expect(describe).not.toContain('mergeable');
    expect(describe).not.toContain(`worldOpen:${outSsh.SecurityGroupRuleId}`);
  });

  it("does not call a rule open to the internet when another group's earlier deny closes it", () => {
    const sshAnywhere = makeRule({ PortRange: '22/22', Priority: '10' });
    const denySsh = makeRule({ PortRange: '22/22', Policy: 'Drop', Priority: '1' });
    const open = makeSecurityGroup({ SecurityGroupId: 'sg-open', Permissions: [sshAnywhere] });
    const closing = makeSecurityGroup({ SecurityGroupId: 'sg-closing', Permissions: [denySsh] });
    const findings = analyseRules(effectiveRules([open, closing], 'ingress'));
    // Alone, the allow is open to the internet; with the deny first it never decides.
    expect(analyseRules(effectiveRules([open], 'ingress')).map((finding) => finding.kind)).toEqual(['worldOpen']);

    const kept = instanceLevelFindings(findings);
    expect(kept.map((finding) => finding.kind)).toEqual(['overriddenByDeny']);
    expect(kept[0]).toMatchObject({ rule: { ruleId: sshAnywhere.SecurityGroupRuleId } });
  });
});
