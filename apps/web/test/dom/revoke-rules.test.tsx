import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RevokeRulesModal } from '@/features/security-groups/components/RevokeRulesModal';
import type { Rule } from '@/features/security-groups/logic/rules';
import {
  dialog,
  GroupListObserver,
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

const rules = webRules;
const inbound = rules.filter((rule) => rule.direction === 'ingress');

function renderDialog(selected: readonly Rule[] = inbound) {
  return renderRuleDialog((onDismiss) => (
    <>
      <GroupListObserver />
      <RevokeRulesModal regionId={REGION} group={webGroup} rules={[...selected]} visible onDismiss={onDismiss} />
    </>
  ));
}

describe('revoke rules', () => {
  it('lists the rules, sends one call with every ID, reports the RequestId and refreshes the group', async () => {
    const api = stubRuleApi({ ecs: { RevokeSecurityGroup: ok('REV-1') } });
    const { user, onDismiss } = renderDialog();
    await waitFor(() => expect(screen.getByRole('status', { name: 'Groups listed' })).toHaveTextContent('3'));
    const list = await within(await screen.findByRole('dialog')).findByRole('list', { name: '2 rules to delete' });
    expect(within(list).getByText('sgr-ssh')).toBeVisible();
    expect(within(list).getByText('Allow TCP 22 from 10.0.0.0/8, priority 1')).toBeVisible();
    expect(within(list).getByText('Allow TCP 80 from 0.0.0.0/0, priority 10')).toBeVisible();

    await user.click(within(dialog()).getByRole('button', { name: 'Delete 2 rules' }));
    expect(await screen.findByText('Deleted 2 inbound rules of sg-web (web)')).toBeInTheDocument();
    expect(screen.getByText('REV-1')).toBeInTheDocument();
    expect(onDismiss).toHaveBeenCalled();
    const sent = api.to('POST /api/ecs/RevokeSecurityGroup').map((request) => request.body);
    expect(sent).toHaveLength(1);
    const { ClientToken, ...params } = sent[0] as Record<string, unknown>;
    expect(params).toEqual({
      RegionId: REGION,
      SecurityGroupId: 'sg-web',
      SecurityGroupRuleId: ['sgr-ssh', 'sgr-http'],
    });
    expect(ClientToken).toMatch(/^[0-9a-f]{32}$/);
    await waitFor(() => expect(groupRefreshes(api)).toHaveLength(1));
  });

  it('revokes an outbound rule with RevokeSecurityGroupEgress', async () => {
    const api = stubRuleApi({ ecs: { RevokeSecurityGroupEgress: ok('REV-2') } });
    const { user } = renderDialog(rules.filter((rule) => rule.direction === 'egress'));
    await screen.findByRole('dialog');
    expect(within(dialog()).getByText('Allow ALL All to 0.0.0.0/0, priority 1')).toBeVisible();
    await user.click(within(dialog()).getByRole('button', { name: 'Delete rule' }));
    expect(await screen.findByText('Deleted 1 outbound rule of sg-web (web)')).toBeInTheDocument();
    expect(api.to('POST /api/ecs/RevokeSecurityGroupEgress')[0]?.body).toMatchObject({
      SecurityGroupRuleId: ['sgr-out'],
    });
  });

  it('shows ECS’s refusal with its code, message and RequestId in the dialog', async () => {
    stubRuleApi({
      ecs: { RevokeSecurityGroup: refuse('InvalidGroupAuthItem.NotFound', 'The rule does not exist.', 'REQ-GONE') },
    });
    const { user, onDismiss } = renderDialog();
    await screen.findByRole('dialog');
    await user.click(within(dialog()).getByRole('button', { name: 'Delete 2 rules' }));
    expect(await within(dialog()).findByText('The rule does not exist.')).toBeVisible();
    expect(within(dialog()).getByText('InvalidGroupAuthItem.NotFound')).toBeVisible();
    expect(within(dialog()).getByText('REQ-GONE')).toBeVisible();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('sends once on a double click', async () => {
    const api = stubRuleApi({ ecs: { RevokeSecurityGroup: ok('REV-3') } });
    const { user } = renderDialog();
    await screen.findByRole('dialog');
    await user.dblClick(within(dialog()).getByRole('button', { name: 'Delete 2 rules' }));
    await screen.findByText('Deleted 2 inbound rules of sg-web (web)');
    expect(api.to('POST /api/ecs/RevokeSecurityGroup')).toHaveLength(1);
  });

  it('says who is affected before deleting', async () => {
    stubRuleApi({ instances: members(1) });
    renderDialog();
    await screen.findByRole('dialog');
    expect(await within(dialog()).findByText('The change applies at once to 1 instance in this group:')).toBeVisible();
    expect(within(dialog()).getByRole('link', { name: 'web-1' })).toHaveAttribute(
      'href',
      `/instances/${REGION}/i-web1`,
    );
  });
});
