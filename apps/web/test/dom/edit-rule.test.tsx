import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EditRuleModal } from '@/features/security-groups/components/EditRuleModal';
import type { Rule } from '@/features/security-groups/logic/rules';
import {
  choose,
  dialog,
  groupRefreshes,
  members,
  ok,
  refuse,
  REGION,
  renderRuleDialog,
  stubRuleApi,
  webGroup,
  webRules,
} from './add-rules-support';

const ruleById = (id: string) => webRules.find((rule) => rule.ruleId === id)!;
// The SSH rule, with a description to keep.
const ssh: Rule = { ...ruleById('sgr-ssh'), description: 'office SSH' };

function renderDialog(rule: Rule = ssh) {
  return renderRuleDialog((onDismiss) => (
    <EditRuleModal regionId={REGION} group={webGroup} rule={rule} visible onDismiss={onDismiss} />
  ));
}

const field = (name: string) => within(dialog()).getByRole('textbox', { name });

describe('edit a rule by its ID', () => {
  it('sends only the changed fields with the rule ID, then reports the RequestId and refreshes the group', async () => {
    const api = stubRuleApi({ ecs: { ModifySecurityGroupRule: ok('MOD-1') } });
    const { user, onDismiss } = renderDialog();
    await screen.findByRole('dialog');
    const save = within(dialog()).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();

    await user.clear(field('Priority'));
    await user.type(field('Priority'), '5');
    await user.clear(field('Description'));
    await user.type(field('Description'), 'bastion only');
    await user.click(save);

    expect(await screen.findByText('Rule sgr-ssh changed')).toBeInTheDocument();
    expect(screen.getByText('MOD-1')).toBeInTheDocument();
    expect(onDismiss).toHaveBeenCalled();
    const sent = api.to('POST /api/ecs/ModifySecurityGroupRule').map((request) => request.body);
    expect(sent).toHaveLength(1);
    const { ClientToken, ...changes } = sent[0] as Record<string, unknown>;
    expect(changes).toEqual({
      RegionId: REGION,
      SecurityGroupId: 'sg-web',
      SecurityGroupRuleId: 'sgr-ssh',
      Priority: 5,
      Description: 'bastion only',
    });
    expect(ClientToken).toMatch(/^[0-9a-f]{32}$/);
    await waitFor(() => expect(groupRefreshes(api)).toHaveLength(1));
  });

  it('sends protocol and ports together, and the new source of the same kind', async () => {
    const api = stubRuleApi({ ecs: { ModifySecurityGroupRule: ok('MOD-2') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await user.clear(field('Port range'));
    await user.type(field('Port range'), '2222');
    await user.clear(field('Source'));
    await user.type(field('Source'), '192.168.0.0/16');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await screen.findByText('Rule sgr-ssh changed');
    expect(api.to('POST /api/ecs/ModifySecurityGroupRule')[0]?.body).toMatchObject({
      IpProtocol: 'tcp',
      PortRange: '2222/2222',
      SourceCidrIp: '192.168.0.0/16',
    });
  });

  it('edits an outbound rule with ModifySecurityGroupEgressRule', async () => {
    const api = stubRuleApi({ ecs: { ModifySecurityGroupEgressRule: ok('MOD-3') } });
    const { user } = renderDialog(ruleById('sgr-out'));
    await screen.findByRole('dialog');
    await choose(user, dialog(), /Allow/, /Deny/);
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await screen.findByText('Rule sgr-out changed');
    expect(api.to('POST /api/ecs/ModifySecurityGroupEgressRule')[0]?.body).toMatchObject({
      SecurityGroupRuleId: 'sgr-out',
      Policy: 'drop',
    });
  });
});

describe('edit a rule: what ECS does not change', () => {
  it('keeps the kind of source read-only, with the reason', async () => {
    stubRuleApi({});
    renderDialog();
    await screen.findByRole('dialog');
    expect(within(dialog()).getByRole('button', { name: /IPv4 address or CIDR/ })).toBeDisabled();
    expect(within(dialog()).getByText(/does not change the type of an existing rule's Source/)).toBeVisible();
    expect(within(dialog()).getByText(/It does not change the type of source/)).toBeVisible();
  });

  it('says at once that a description cannot be emptied, and sends nothing', async () => {
    const api = stubRuleApi({ ecs: { ModifySecurityGroupRule: ok('NEVER') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await user.clear(field('Priority'));
    await user.type(field('Priority'), '3');
    await user.clear(field('Description'));
    expect(within(dialog()).getByText("ECS cannot remove a rule's description, only change it.")).toBeVisible();
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(api.to('POST /api/ecs/ModifySecurityGroupRule')).toEqual([]);
  });

  it('shows ECS’s refusal with its RequestId and keeps the dialog open', async () => {
    stubRuleApi({
      ecs: {
        ModifySecurityGroupRule: refuse('InvalidPriority.Malformed', 'The specified priority is invalid.', 'REQ-PRIO'),
      },
    });
    const { user, onDismiss } = renderDialog();
    await screen.findByRole('dialog');
    await user.clear(field('Priority'));
    await user.type(field('Priority'), '9');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText('The specified priority is invalid.')).toBeVisible();
    expect(within(dialog()).getByText('InvalidPriority.Malformed')).toBeVisible();
    expect(within(dialog()).getByText('REQ-PRIO')).toBeVisible();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('shows the instances the change affects', async () => {
    stubRuleApi({ instances: members(3) });
    renderDialog();
    const list = await within(await screen.findByRole('dialog')).findByRole('list', { name: 'Instances in the group' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['web-1', 'web-2', 'web-3']);
  });
});
