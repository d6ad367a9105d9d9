import type { SecurityGroupSummary } from '@ecs-console/contract';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccessCheckPanel } from '@/features/security-groups/components/AccessCheckPanel';
import { groupPageLists, permission, REGION, securityGroup } from './group-detail-support';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const web = securityGroup('sg-web', {
  SecurityGroupName: 'web',
  Permissions: [
    permission('sgr-ssh', { Priority: '1' }),
    permission('sgr-deny', { Priority: '1', Policy: 'Drop', SourceCidrIp: '198.51.100.0/24' }),
    permission('sgr-https', { Priority: '10', PortRange: '80/443' }),
  ],
});
const db = securityGroup('sg-db', { SecurityGroupName: 'db' });

function renderPanel(targetGroups: readonly SecurityGroupSummary[] = [web]) {
  stubApi(groupPageLists(() => [web, db]));
  const onDecidingRule = vi.fn<(ruleId: string | undefined) => void>();
  const rendered = renderInConsole(
    <AccessCheckPanel
      regionId={REGION}
      targetGroups={targetGroups}
      targetLabel="web-1"
      onDecidingRule={onDecidingRule}
    />,
  );
  return { ...rendered, onDecidingRule };
}

const form = () => screen.getByRole('form', { name: 'Access check' });
const addressField = () => within(form()).getByRole('textbox', { name: 'Source address' });
const portField = () => within(form()).getByRole('textbox', { name: 'Port' });

async function ask(user: ReturnType<typeof renderPanel>['user'], address: string, port: string) {
  await user.clear(addressField());
  if (address) await user.type(addressField(), address);
  await user.clear(portField());
  if (port) await user.type(portField(), port);
  await user.click(within(form()).getByRole('button', { name: 'Check access' }));
}

describe('the access check', () => {
  it('answers allowed with the deciding rule, and reports that rule', async () => {
    const { user, onDecidingRule } = renderPanel();
    await ask(user, '203.0.113.5', '22');

    expect(await screen.findByText('Allowed')).toBeInTheDocument();
    expect(screen.getByText('TCP port 22 from 203.0.113.5 to web-1.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Decided by the first matching rule in evaluation order: Allow TCP 22 from 0.0.0.0/0, rule sgr-ssh (priority 1) of web.',
      ),
    ).toBeInTheDocument();
    expect(onDecidingRule).toHaveBeenLastCalledWith('sgr-ssh');
  });

  it('answers denied when a deny decides first at the same priority, naming the allow it beats', async () => {
    const { user, onDecidingRule } = renderPanel();
    await ask(user, '198.51.100.7', '22');

    expect(await screen.findByText('Denied')).toBeInTheDocument();
    expect(
      screen.getByText(/Deny TCP 22 from 198.51.100.0\/24, rule sgr-deny \(priority 1\) of web/),
    ).toBeInTheDocument();
    expect(screen.getByText('Also matching, but evaluated later: sgr-ssh (priority 1).')).toBeInTheDocument();
    expect(onDecidingRule).toHaveBeenLastCalledWith('sgr-deny');
  });

  it('answers denied by default when no rule matches inbound traffic, with no rule to mark', async () => {
    const { user, onDecidingRule } = renderPanel();
    await ask(user, '203.0.113.5', '22');
    await screen.findByText('Allowed');
    await ask(user, '203.0.113.5', '8080');

    expect(await screen.findByText('Denied')).toBeInTheDocument();
    expect(screen.getByText('No rule matches: inbound traffic that no rule allows is denied.')).toBeInTheDocument();
    expect(onDecidingRule).toHaveBeenLastCalledWith(undefined);
  });

  it('refuses what is not an address or a port, and answers nothing', async () => {
    const { user } = renderPanel();
    await ask(user, '', '22');
    expect(await screen.findByText('Enter an IP address.')).toBeInTheDocument();

    for (const bad of ['300.1.1.1', '10.0.0.0/8', '10.1', 'web-1']) {
      await ask(user, bad, '22');
      expect(
        await screen.findByText(
          'Enter one IPv4 address (203.0.113.10) or IPv6 address (2001:db8::1), without a prefix length.',
        ),
      ).toBeInTheDocument();
    }
    await ask(user, '203.0.113.5', '70000');
    expect(await screen.findByText('Enter a port from 1 to 65535.')).toBeInTheDocument();
    await ask(user, '203.0.113.5', '');
    expect(await screen.findByText('Enter a port.')).toBeInTheDocument();
    expect(screen.queryByText('Allowed')).not.toBeInTheDocument();
    expect(screen.queryByText('Denied')).not.toBeInTheDocument();
  });

  it("takes a group as the source: members of the same group reach each other by the group's intra-group policy", async () => {
    const { user, onDecidingRule } = renderPanel();
    await user.click(within(form()).getByRole('radio', { name: 'A security group' }));
    await user.click(within(form()).getByRole('button', { name: /Choose a security group/ }));
    await user.click(await screen.findByRole('option', { name: /^web/ }));
    await user.type(portField(), '3306');
    await user.click(within(form()).getByRole('button', { name: 'Check access' }));

    expect(await screen.findByText('Allowed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Both ends are in web, whose intra-group policy lets members reach each other whatever the rules say.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(onDecidingRule).toHaveBeenLastCalledWith(undefined));
  });

  it('checks outbound traffic too: a basic group lets out what no rule stops, and ICMP has no port', async () => {
    const { user } = renderPanel();
    await user.click(within(form()).getByRole('radio', { name: 'Outbound' }));
    await user.click(within(form()).getByRole('button', { name: /TCP/ }));
    await user.click(await screen.findByRole('option', { name: 'ICMP' }));
    expect(portField()).toBeDisabled();
    await user.type(within(form()).getByRole('textbox', { name: 'Destination address' }), '2001:db8::1');
    await user.click(within(form()).getByRole('button', { name: 'Check access' }));

    expect(await screen.findByText('Allowed')).toBeInTheDocument();
    expect(screen.getByText('ICMPv6 from web-1 to 2001:db8::1.')).toBeInTheDocument();
    expect(
      screen.getByText('No rule matches: outbound traffic is allowed by default (basic security groups).'),
    ).toBeInTheDocument();
  });
});
