import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddRulesModal } from '@/features/security-groups/components/AddRulesModal';
import {
  choose,
  dialog,
  groupRefreshes,
  members,
  ok,
  refuse,
  REGION,
  renderRuleDialog,
  ruleRow,
  stubRuleApi,
  webGroup,
} from './add-rules-support';

function renderDialog(direction: 'ingress' | 'egress' = 'ingress') {
  return renderRuleDialog((onDismiss) => (
    <AddRulesModal regionId={REGION} group={webGroup} direction={direction} visible onDismiss={onDismiss} />
  ));
}

const authorizeBodies = (api: ReturnType<typeof stubRuleApi>, action = 'AuthorizeSecurityGroup') =>
  api.to(`POST /api/ecs/${action}`).map((request) => request.body as Record<string, unknown>);

describe('add rules: several rows in one Authorize call', () => {
  it('sends a preset row and a typed row together, then reports the RequestId and refreshes the group', async () => {
    const api = stubRuleApi({ ecs: { AuthorizeSecurityGroup: ok('AUTH-1') } });
    const { user, onDismiss } = renderDialog();
    await screen.findByRole('dialog');

    await choose(user, ruleRow(1), /Custom/, /^SSH/);
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Source' }), '10.1.0.0/16');

    await user.click(within(dialog()).getByRole('button', { name: 'Add another rule' }));
    const second = ruleRow(2);
    await user.type(within(second).getByRole('textbox', { name: 'Port range' }), '8000-8080');
    await user.type(within(second).getByRole('textbox', { name: 'Source' }), '192.168.0.0/24');
    await user.clear(within(second).getByRole('textbox', { name: 'Priority' }));
    await user.type(within(second).getByRole('textbox', { name: 'Priority' }), '20');
    await choose(user, second, /Allow/, /Deny/);
    await user.click(within(dialog()).getByRole('button', { name: 'Add 2 rules' }));

    expect(await screen.findByText('Added 2 inbound rules to sg-web (web)')).toBeInTheDocument();
    expect(screen.getByText('AUTH-1')).toBeInTheDocument();
    expect(onDismiss).toHaveBeenCalled();
    const [body] = authorizeBodies(api);
    expect(body).toMatchObject({
      RegionId: REGION,
      SecurityGroupId: 'sg-web',
      Permissions: [
        {
          IpProtocol: 'tcp',
          PortRange: '22/22',
          SourceCidrIp: '10.1.0.0/16',
          Policy: 'accept',
          Priority: 1,
          NicType: 'intranet',
          Description: 'SSH',
        },
        {
          IpProtocol: 'tcp',
          PortRange: '8000/8080',
          SourceCidrIp: '192.168.0.0/24',
          Policy: 'drop',
          Priority: 20,
          NicType: 'intranet',
        },
      ],
    });
    expect(body?.ClientToken).toEqual(expect.any(String));
    await waitFor(() => expect(groupRefreshes(api)).toHaveLength(1));
  });

  it('duplicates and removes rows, and fixes the ports of protocols without them', async () => {
    const api = stubRuleApi({ ecs: { AuthorizeSecurityGroupEgress: ok('EGR-1') } });
    const { user } = renderDialog('egress');
    await screen.findByRole('dialog');

    await choose(user, ruleRow(1), /Custom/, /^ICMP \(IPv4\)/);
    const ports = within(ruleRow(1)).getByRole('textbox', { name: 'Port range' });
    expect(ports).toBeDisabled();
    expect(ports).toHaveValue('-1/-1');
    expect(within(ruleRow(1)).getByText('ICMP (IPv4) has no ports: ECS sets the range to -1/-1 (all).')).toBeVisible();
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Destination' }), '10.0.0.0/8');

    await user.click(within(dialog()).getByRole('button', { name: 'Duplicate Rule 1' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Duplicate Rule 2' }));
    expect(within(ruleRow(3)).getByRole('textbox', { name: 'Destination' })).toHaveValue('10.0.0.0/8');
    await user.click(within(dialog()).getByRole('button', { name: 'Remove Rule 2' }));
    expect(within(dialog()).queryByRole('group', { name: 'Rule 3' })).not.toBeInTheDocument();
    const destination = within(ruleRow(2)).getByRole('textbox', { name: 'Destination' });
    await user.clear(destination);
    await user.type(destination, '172.16.0.0/12');
    await user.click(within(dialog()).getByRole('button', { name: 'Add 2 rules' }));

    expect(await screen.findByText('Added 2 outbound rules to sg-web (web)')).toBeInTheDocument();
    const [body] = authorizeBodies(api, 'AuthorizeSecurityGroupEgress');
    expect(body?.Permissions).toEqual([
      expect.objectContaining({ IpProtocol: 'icmp', PortRange: '-1/-1', DestCidrIp: '10.0.0.0/8' }),
      expect.objectContaining({ IpProtocol: 'icmp', PortRange: '-1/-1', DestCidrIp: '172.16.0.0/12' }),
    ]);
  });
});

describe('add rules: checked as ECS checks them, per row', () => {
  it('shows each row’s errors inline and sends nothing', async () => {
    const api = stubRuleApi({ ecs: { AuthorizeSecurityGroup: ok('NEVER') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Port range' }), '22');
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Source' }), '10.0.0.0/8');
    await user.click(within(dialog()).getByRole('button', { name: 'Add another rule' }));

    const second = ruleRow(2);
    await user.type(within(second).getByRole('textbox', { name: 'Port range' }), '200/1');
    await user.type(within(second).getByRole('textbox', { name: 'Source' }), '10.0.0.300');
    // Malformed input is said while typing, in its own row only.
    expect(within(second).getByText('The range starts after it ends: put the lower port first.')).toBeVisible();
    expect(within(second).getByText(/Not an IPv4 address or CIDR block/)).toBeVisible();
    expect(within(ruleRow(1)).queryByText(/Not an IPv4 address/)).not.toBeInTheDocument();

    await user.click(within(dialog()).getByRole('button', { name: 'Add another rule' }));
    await user.clear(within(ruleRow(3)).getByRole('textbox', { name: 'Priority' }));
    await user.type(within(ruleRow(3)).getByRole('textbox', { name: 'Priority' }), '101');
    await user.click(within(dialog()).getByRole('button', { name: 'Add 3 rules' }));

    // Missing input is said once the user tries to send.
    expect(within(ruleRow(3)).getByText('Enter a port or a range, e.g. 22 or 8000-8080.')).toBeVisible();
    expect(within(ruleRow(3)).getByText(/ECS needs one source or destination per rule/)).toBeVisible();
    expect(within(ruleRow(3)).getByText('The priority must be from 1 to 100.')).toBeVisible();
    expect(authorizeBodies(api)).toEqual([]);
  });

  it('hints at host bits and warns of admin ports open to the internet without blocking', async () => {
    const api = stubRuleApi({ ecs: { AuthorizeSecurityGroup: ok('AUTH-2') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await choose(user, ruleRow(1), /Custom/, /^RDP/);
    const source = within(ruleRow(1)).getByRole('textbox', { name: 'Source' });
    await user.type(source, '10.0.0.1/24');
    expect(within(ruleRow(1)).getByText('10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?')).toBeVisible();
    await user.clear(source);
    await user.type(source, '0.0.0.0/0');
    expect(within(ruleRow(1)).getByText(/opens RDP to the whole internet/)).toBeVisible();
    await user.click(within(dialog()).getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByText('Added 1 inbound rule to sg-web (web)')).toBeInTheDocument();
    expect(authorizeBodies(api)).toHaveLength(1);
  });

  it('says when ECS would add nothing: the group has the rule already, priority aside', async () => {
    stubRuleApi({});
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await choose(user, ruleRow(1), /Custom/, /^SSH/);
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Source' }), '10.0.0.0/8');
    expect(within(ruleRow(1)).getByText(/The group already has this rule \(sgr-ssh\)/)).toBeVisible();
  });

  it('offers groups of the same VPC as the source and says why others cannot be chosen', async () => {
    const api = stubRuleApi({ ecs: { AuthorizeSecurityGroup: ok('AUTH-3') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await choose(user, ruleRow(1), /IPv4 address or CIDR/, /^Security group/);
    await user.click(within(ruleRow(1)).getByRole('button', { name: /Choose a group/ }));
    const far = await screen.findByRole('option', { name: /far/ });
    expect(far).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('In another VPC: rules reference groups of the same VPC only.')).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /^db/ }));
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Port range' }), '5432');
    await user.click(within(dialog()).getByRole('button', { name: 'Add rule' }));
    await screen.findByText('Added 1 inbound rule to sg-web (web)');
    expect(authorizeBodies(api)[0]?.Permissions).toEqual([
      expect.objectContaining({ SourceGroupId: 'sg-db', NicType: 'intranet', PortRange: '5432/5432' }),
    ]);
  });
});

describe('add rules: ECS’s answer', () => {
  async function fillOneRow(user: ReturnType<typeof renderDialog>['user']) {
    await screen.findByRole('dialog');
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Port range' }), '443');
    await user.type(within(ruleRow(1)).getByRole('textbox', { name: 'Source' }), '10.0.0.0/8');
  }

  it('shows ECS’s refusal with its code, message and RequestId, and retries with the same ClientToken', async () => {
    let calls = 0;
    const api = stubRuleApi({
      ecs: {
        AuthorizeSecurityGroup: () =>
          ++calls === 1
            ? refuse('AuthorizationLimitExceed', 'The security group rule limit is exceeded.', 'REQ-LIMIT')()
            : ok('AUTH-OK')(),
      },
    });
    const { user, onDismiss } = renderDialog();
    await fillOneRow(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Add rule' }));

    expect(await within(dialog()).findByText('The security group rule limit is exceeded.')).toBeVisible();
    expect(within(dialog()).getByText('AuthorizationLimitExceed')).toBeVisible();
    expect(within(dialog()).getByText('REQ-LIMIT')).toBeVisible();
    expect(onDismiss).not.toHaveBeenCalled();
    await waitFor(() => expect(groupRefreshes(api)).toHaveLength(1));

    await user.click(within(dialog()).getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByText('Added 1 inbound rule to sg-web (web)')).toBeInTheDocument();
    const [first, second] = authorizeBodies(api);
    expect(second?.ClientToken).toBe(first?.ClientToken);
  });

  it('sends once on a double click', async () => {
    let release: (() => void) | undefined;
    const api = stubRuleApi({
      ecs: {
        AuthorizeSecurityGroup: () =>
          new Promise<Response>((resolve) => {
            release = () => resolve(Response.json({ RequestId: 'AUTH-SLOW' }));
          }),
      },
    });
    const { user } = renderDialog();
    await fillOneRow(user);
    await user.dblClick(within(dialog()).getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(release).toBeDefined());
    release!();
    expect(await screen.findByText('Added 1 inbound rule to sg-web (web)')).toBeInTheDocument();
    expect(authorizeBodies(api)).toHaveLength(1);
  });
});

describe('add rules: who is affected', () => {
  it('lists the group’s members by name with links, cut at ten', async () => {
    stubRuleApi({ instances: members(12) });
    renderDialog();
    const list = await within(await screen.findByRole('dialog')).findByRole('list', { name: 'Instances in the group' });
    expect(within(dialog()).getByText('The change applies at once to the 12 instances in this group:')).toBeVisible();
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(10);
    expect(links[0]).toHaveTextContent('web-1');
    expect(links[0]).toHaveAttribute('href', `/instances/${REGION}/i-web1`);
    expect(within(dialog()).getByText('and 2 more instances')).toBeVisible();
    expect(within(list).queryByText('db-1')).not.toBeInTheDocument();
  });

  it('says plainly when the group has no members', async () => {
    stubRuleApi({ instances: members(0) });
    renderDialog();
    expect(
      await within(await screen.findByRole('dialog')).findByText(
        'No instance is in this group: the change affects no instance now.',
      ),
    ).toBeVisible();
  });
});
