import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { E2E_VIEWER } from '../support/constants.js';
import { ADMIN, fleet, shown, signIn } from '../support/console.js';
import { groupPage, listGroups, waitForGroup, type ListedGroup, type ListedRule } from '../support/security-groups.js';
import { instancePage } from '../support/storage.js';

// A control that never comes fails in seconds, not at the end of the flow's long timeout.
test.use({ actionTimeout: 20_000 });

interface GroupedInstance {
  InstanceId: string;
  InstanceName: string;
  Status: string;
  VpcAttributes: { VpcId: string };
  SecurityGroupIds: { SecurityGroupId: string[] };
  OperationLocks: { LockReason: { LockReason: string }[] };
}

/** The region's instances with what the security-group tests read of them. */
async function instances(page: Page): Promise<GroupedInstance[]> {
  return (await fleet(page)).instances as unknown as GroupedInstance[];
}

/** A running, unlocked VPC instance with room for one more group (ECS allows five). */
async function joinableInstance(page: Page): Promise<GroupedInstance> {
  const found = (await instances(page)).find(
    (instance) =>
      instance.Status === 'Running' &&
      instance.OperationLocks.LockReason.length === 0 &&
      instance.VpcAttributes.VpcId !== '' &&
      instance.SecurityGroupIds.SecurityGroupId.length < 5,
  );
  expect(found, 'a running instance that can join a group').toBeDefined();
  return found!;
}

const inbound = (group: ListedGroup) => group.Permissions.filter((rule) => rule.Direction === 'ingress');

/** The one inbound rule of the group the predicate picks. */
function ruleOf(group: ListedGroup, predicate: (rule: ListedRule) => boolean): ListedRule {
  const matching = inbound(group).filter(predicate);
  expect(matching, `one rule of ${group.SecurityGroupId}`).toHaveLength(1);
  return matching[0]!;
}

/** A rules table by its name ("Inbound rules", "Effective inbound rules"), and a rule's row in it. */
const rulesTable = (page: Page, name: string) => page.getByRole('table', { name, exact: true });
const ruleRow = (table: Locator, ruleId: string) =>
  // By the row's header (its rule ID): other rows' findings name the rule too.
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader').filter({ hasText: ruleId }) });
/** On a group page: the inbound rules table with its buttons (the innermost element holding both). */
const inboundSection = (page: Page) =>
  page
    .locator('div')
    .filter({ has: rulesTable(page, 'Inbound rules') })
    .filter({ has: page.getByRole('button', { name: 'Add inbound rules' }) })
    .last();

/** Picks an option of a Cloudscape select (its trigger found by its label) inside `scope`. */
async function choose(page: Page, scope: Locator, label: RegExp, option: RegExp | string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Asks the access check on the page about inbound TCP from an address to a port. */
async function checkAccess(page: Page, address: string, port: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Access check' });
  await form.getByRole('textbox', { name: 'Source address' }).fill(address);
  await form.getByRole('textbox', { name: 'Port' }).fill(port);
  await form.getByRole('button', { name: 'Check access' }).click();
  return page.getByText(new RegExp(`TCP port ${port} from ${address.replaceAll('.', '\\.')} to `));
}

test('a security group from creation to deletion: template, rules, analysis, access check, members, effective rules', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, ADMIN);
  const name = `e2e-sg-${Date.now()}`;
  const instance = await joinableInstance(page);
  let group!: ListedGroup;

  await test.step('create a group from the Linux web server template', async () => {
    await page.goto('/security-groups');
    const create = page.getByRole('button', { name: 'Create security group' });
    await expect(create).toBeEnabled();
    await create.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('End-to-end test group');
    const vpc = dialog.getByRole('combobox', { name: 'VPC' });
    await vpc.fill(instance.VpcAttributes.VpcId);
    await vpc.press('Escape');
    await dialog.getByRole('radio', { name: /^Linux web server/ }).check();
    // SSH from the whole internet is what the template offers first; the form warns of it.
    await expect(dialog.getByText(/open to the whole internet/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(shown(page, /^Security group sg-\S+ created with 4 rules/)).toBeVisible();
    group = await waitForGroup(page, (candidate) => candidate.SecurityGroupName === name);
    expect(group.VpcId).toBe(instance.VpcAttributes.VpcId);
    expect(
      inbound(group)
        .map((rule) => rule.PortRange)
        .sort(),
    ).toEqual(['-1/-1', '22/22', '443/443', '80/80']);
  });

  await test.step("open the group's page from the list", async () => {
    const filter = page.getByRole('combobox', { name: 'Filter security groups' });
    await filter.fill(name);
    await filter.press('Enter');
    await page
      .getByRole('grid', { name: 'Security groups' })
      .getByRole('link', { name: group.SecurityGroupId })
      .click();
    await expect(page).toHaveURL(new RegExp(`${groupPage(group.SecurityGroupId)}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  const inboundRules = rulesTable(page, 'Inbound rules');
  await test.step('add an inbound rule with a preset and one by hand', async () => {
    await page.getByRole('button', { name: 'Add inbound rules' }).click();
    const dialog = page.getByRole('dialog');
    const preset = dialog.getByRole('group', { name: 'Rule 1' });
    await choose(page, preset, /Preset/, /^HTTP\b/);
    await preset.getByRole('textbox', { name: 'Priority' }).fill('10');
    await preset.getByRole('textbox', { name: 'Source', exact: true }).fill('192.168.0.0/16');

    await dialog.getByRole('button', { name: 'Add another rule' }).click();
    const byHand = dialog.getByRole('group', { name: 'Rule 2' });
    await choose(page, byHand, /Policy/, 'Deny');
    await byHand.getByRole('textbox', { name: 'Priority' }).fill('1');
    await byHand.getByRole('textbox', { name: 'Port range' }).fill('22');
    await byHand.getByRole('textbox', { name: 'Source', exact: true }).fill('198.51.100.0/24');
    await byHand.getByRole('textbox', { name: 'Description' }).fill('Scanners');
    await dialog.getByRole('button', { name: 'Add 2 rules' }).click();
    await expect(shown(page, new RegExp(`^Added 2 inbound rules to ${group.SecurityGroupId}`))).toBeVisible();

    group = await waitForGroup(
      page,
      (candidate) => candidate.SecurityGroupId === group.SecurityGroupId && inbound(candidate).length === 6,
    );
    const office = ruleOf(group, (rule) => rule.SourceCidrIp === '192.168.0.0/16');
    expect(office).toMatchObject({ PortRange: '80/80', Priority: '10', Policy: 'Accept', Description: 'HTTP' });
    const deny = ruleOf(group, (rule) => rule.SourceCidrIp === '198.51.100.0/24');
    expect(deny).toMatchObject({ PortRange: '22/22', Priority: '1', Policy: 'Drop', Description: 'Scanners' });
    await expect(ruleRow(inboundRules, office.SecurityGroupRuleId)).toBeVisible();
    await expect(ruleRow(inboundRules, deny.SecurityGroupRuleId)).toBeVisible();
  });

  await test.step("edit a rule's priority and description", async () => {
    const office = ruleOf(group, (rule) => rule.SourceCidrIp === '192.168.0.0/16');
    await ruleRow(inboundRules, office.SecurityGroupRuleId).getByRole('checkbox').check();
    await inboundSection(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByRole('heading', { name: `Edit inbound rule ${office.SecurityGroupRuleId}` }),
    ).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Priority' }).fill('20');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('HTTP from the office');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(shown(page, `Rule ${office.SecurityGroupRuleId} changed`)).toBeVisible();
    group = await waitForGroup(
      page,
      (candidate) =>
        candidate.SecurityGroupId === group.SecurityGroupId &&
        inbound(candidate).some(
          (rule) => rule.SecurityGroupRuleId === office.SecurityGroupRuleId && rule.Priority === '20',
        ),
    );
    expect(ruleOf(group, (rule) => rule.SecurityGroupRuleId === office.SecurityGroupRuleId)).toMatchObject({
      Priority: '20',
      Description: 'HTTP from the office',
      SourceCidrIp: '192.168.0.0/16',
    });
    await expect(ruleRow(inboundRules, office.SecurityGroupRuleId)).toContainText('HTTP from the office');
  });

  await test.step('the analysis flags the world-open SSH rule and the shadowed office rule', async () => {
    const ssh = ruleOf(group, (rule) => rule.PortRange === '22/22' && rule.SourceCidrIp === '0.0.0.0/0');
    const office = ruleOf(group, (rule) => rule.SourceCidrIp === '192.168.0.0/16');
    const analysis = page.getByRole('region', { name: 'Rule analysis' });
    await expect(analysis.getByRole('region', { name: 'Open to the internet' })).toContainText(ssh.SecurityGroupRuleId);
    await expect(analysis.getByRole('region', { name: 'Shadowed: never decide' })).toContainText(
      office.SecurityGroupRuleId,
    );
    // And inline, on the rules themselves.
    await expect(ruleRow(inboundRules, ssh.SecurityGroupRuleId)).toContainText('Open to the internet on');
    await expect(ruleRow(inboundRules, office.SecurityGroupRuleId)).toContainText('Never decides');
  });

  await test.step('the access check answers allowed and denied, marking the deciding rule', async () => {
    const ssh = ruleOf(group, (rule) => rule.PortRange === '22/22' && rule.SourceCidrIp === '0.0.0.0/0');
    const deny = ruleOf(group, (rule) => rule.SourceCidrIp === '198.51.100.0/24');

    await expect(await checkAccess(page, '203.0.113.10', '22')).toBeVisible();
    await expect(shown(page, 'Allowed')).toBeVisible();
    await expect(
      page.getByText(new RegExp(`Decided by the first matching rule.*${ssh.SecurityGroupRuleId}`)),
    ).toBeVisible();
    await expect(ruleRow(inboundRules, ssh.SecurityGroupRuleId)).toContainText('Deciding rule');

    await expect(await checkAccess(page, '198.51.100.7', '22')).toBeVisible();
    await expect(shown(page, 'Denied')).toBeVisible();
    await expect(
      page.getByText(new RegExp(`Decided by the first matching rule.*${deny.SecurityGroupRuleId}`)),
    ).toBeVisible();
    await expect(ruleRow(inboundRules, deny.SecurityGroupRuleId)).toContainText('Deciding rule');
    await expect(ruleRow(inboundRules, ssh.SecurityGroupRuleId)).not.toContainText('Deciding rule');
  });

  await test.step('an instance joins the group', async () => {
    await page.getByRole('button', { name: 'Add instances' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('searchbox', { name: 'Find an instance by name or ID' }).fill(instance.InstanceId);
    await dialog.getByRole('row').filter({ hasText: instance.InstanceId }).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Add to group' }).click();
    await expect(shown(page, new RegExp(`^${instance.InstanceId}.* joined the group`))).toBeVisible();
    const members = page.getByRole('table', { name: 'Member instances' });
    await expect(members.getByRole('row').filter({ hasText: instance.InstanceId })).toBeVisible({ timeout: 30_000 });
  });

  await test.step("the instance page's effective rules show the group's rules, and its access check uses them", async () => {
    await page.goto(instancePage(instance.InstanceId));
    const groups = page.getByRole('table', { name: 'Security groups', exact: true });
    await expect(groups.getByRole('link', { name: group.SecurityGroupId })).toHaveAttribute(
      'href',
      groupPage(group.SecurityGroupId),
    );
    const effective = rulesTable(page, 'Effective inbound rules');
    for (const rule of inbound(group)) {
      const row = ruleRow(effective, rule.SecurityGroupRuleId);
      await expect(row).toBeVisible();
      await expect(row.getByRole('link', { name })).toBeVisible();
    }
    // The deny at priority 1 wins over any allow of the instance's other groups at the same priority.
    const deny = ruleOf(group, (rule) => rule.SourceCidrIp === '198.51.100.0/24');
    await expect(await checkAccess(page, '198.51.100.7', '22')).toBeVisible();
    await expect(shown(page, 'Denied')).toBeVisible();
    await expect(ruleRow(effective, deny.SecurityGroupRuleId)).toContainText('Deciding rule');
  });

  await test.step('revoke the rules', async () => {
    await page.goto(groupPage(group.SecurityGroupId));
    await expect(ruleRow(inboundRules, inbound(group)[0]!.SecurityGroupRuleId)).toBeVisible();
    await inboundRules.getByRole('checkbox', { name: 'Select all rules' }).check();
    await inboundSection(page).getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete 6 rules' }).click();
    await expect(shown(page, new RegExp(`^Deleted 6 inbound rules of ${group.SecurityGroupId}`))).toBeVisible();
    group = await waitForGroup(
      page,
      (candidate) => candidate.SecurityGroupId === group.SecurityGroupId && candidate.Permissions.length === 0,
    );
    await expect(inboundRules.getByText('No rules')).toBeVisible();
  });

  await test.step('the instance leaves', async () => {
    const members = page.getByRole('table', { name: 'Member instances' });
    await members.getByRole('row').filter({ hasText: instance.InstanceId }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Remove from group' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove from group' }).click();
    await expect(shown(page, new RegExp(`^${instance.InstanceId}.* left the group`))).toBeVisible();
    await expect
      .poll(
        async () =>
          (await instances(page))
            .find((candidate) => candidate.InstanceId === instance.InstanceId)
            ?.SecurityGroupIds.SecurityGroupId.includes(group.SecurityGroupId),
        { timeout: 30_000 },
      )
      .toBe(false);
    await expect(members.getByText('No instance is in this group.')).toBeVisible({ timeout: 30_000 });
  });

  await test.step('delete the group', async () => {
    await page.goto('/security-groups');
    const filter = page.getByRole('combobox', { name: 'Filter security groups' });
    await filter.fill(name);
    await filter.press('Enter');
    await page.getByRole('row').filter({ hasText: group.SecurityGroupId }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(group.SecurityGroupId);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(shown(page, new RegExp(`^Deleted ${group.SecurityGroupId}`))).toBeVisible();
    await expect
      .poll(async () =>
        (await listGroups(page)).some((candidate) => candidate.SecurityGroupId === group.SecurityGroupId),
      )
      .toBe(false);
    await page.goto(groupPage(group.SecurityGroupId));
    await expect(shown(page, 'Security group not found')).toBeVisible();
  });

  await test.step('the audit log has every action with its RequestId', async () => {
    const response = await page.request.get(`/api/audit?resourceId=${group.SecurityGroupId}&limit=500`);
    expect(response.ok()).toBe(true);
    const { entries } = (await response.json()) as {
      entries: { action?: string; resourceIds: string[]; outcome: string; requestId?: string }[];
    };
    const recorded = entries
      .filter(
        (entry) => entry.resourceIds.includes(group.SecurityGroupId) && entry.outcome === 'success' && entry.requestId,
      )
      .map((entry) => entry.action);
    expect(new Set(recorded)).toEqual(
      new Set([
        'CreateSecurityGroup',
        'AuthorizeSecurityGroup',
        'ModifySecurityGroupRule',
        'JoinSecurityGroup',
        'RevokeSecurityGroup',
        'LeaveSecurityGroup',
        'DeleteSecurityGroup',
      ]),
    );
    // The template's rules and the two added by hand: two authorizations.
    expect(recorded.filter((action) => action === 'AuthorizeSecurityGroup')).toHaveLength(2);
  });
});

test('a viewer sees the security groups with every write disabled, and the API answers 403', async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  const groups = await listGroups(page);
  const landmark = groups.find((group) => group.SecurityGroupName === 'web-public')!;
  expect(landmark).toBeDefined();
  const member = (await instances(page)).find((instance) =>
    instance.SecurityGroupIds.SecurityGroupId.includes(landmark.SecurityGroupId),
  );

  await page.goto('/security-groups');
  await expect(page.getByRole('button', { name: 'Create security group' })).toBeDisabled();
  const filter = page.getByRole('combobox', { name: 'Filter security groups' });
  await filter.fill(landmark.SecurityGroupId);
  await filter.press('Enter');
  await page.getByRole('row').filter({ hasText: landmark.SecurityGroupId }).getByRole('checkbox').check();
  for (const action of ['Edit', 'Delete']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toBeDisabled();
  }
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${groupPage(landmark.SecurityGroupId)}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'web-public' })).toBeVisible();

  const inboundRules = rulesTable(page, 'Inbound rules');
  const rule = inbound(landmark)[0]!;
  await ruleRow(inboundRules, rule.SecurityGroupRuleId).getByRole('checkbox').check();
  for (const action of ['Add inbound rules', 'Add outbound rules', 'Add instances']) {
    await expect(page.getByRole('button', { name: action })).toBeDisabled();
  }
  for (const action of ['Edit', 'Delete']) {
    await expect(inboundSection(page).getByRole('button', { name: action, exact: true })).toBeDisabled();
  }
  await expect(page.getByRole('button', { name: 'Remove from group' })).toBeDisabled();
  // Reading is not writing: the access check answers a viewer too.
  await expect(await checkAccess(page, '203.0.113.10', '22')).toBeVisible();
  await expect(shown(page, 'Allowed')).toBeVisible();

  if (member) {
    await page.goto(instancePage(member.InstanceId));
    await expect(ruleRow(rulesTable(page, 'Effective inbound rules'), rule.SecurityGroupRuleId)).toBeVisible();
  }

  const headers = { 'x-requested-with': 'ecs-console' };
  const regionId = 'cn-hangzhou';
  const groupId = landmark.SecurityGroupId;
  const permission = { IpProtocol: 'tcp', PortRange: '8443/8443', SourceCidrIp: '10.0.0.0/8' };
  for (const [action, data] of [
    ['CreateSecurityGroup', { RegionId: regionId, VpcId: landmark.VpcId, SecurityGroupName: 'viewer-group' }],
    ['ModifySecurityGroupAttribute', { RegionId: regionId, SecurityGroupId: groupId, Description: 'viewer was here' }],
    ['AuthorizeSecurityGroup', { RegionId: regionId, SecurityGroupId: groupId, Permissions: [permission] }],
    [
      'ModifySecurityGroupRule',
      { RegionId: regionId, SecurityGroupId: groupId, SecurityGroupRuleId: rule.SecurityGroupRuleId, Priority: '5' },
    ],
    [
      'RevokeSecurityGroup',
      { RegionId: regionId, SecurityGroupId: groupId, SecurityGroupRuleId: [rule.SecurityGroupRuleId] },
    ],
    ['JoinSecurityGroup', { RegionId: regionId, SecurityGroupId: groupId, InstanceId: member?.InstanceId ?? 'i-none' }],
    [
      'LeaveSecurityGroup',
      { RegionId: regionId, SecurityGroupId: groupId, InstanceId: member?.InstanceId ?? 'i-none' },
    ],
    ['DeleteSecurityGroup', { RegionId: regionId, SecurityGroupId: groupId }],
  ] as const) {
    const response = await page.request.post(`/api/ecs/${action}`, { headers, data });
    expect(response.status(), action).toBe(403);
  }
  // Nothing changed.
  const after = (await listGroups(page)).find((group) => group.SecurityGroupId === groupId)!;
  expect(after.Permissions).toHaveLength(landmark.Permissions.length);
});

/** The landmark group every estate has, and an instance in some group. */
async function axeTargets(page: Page) {
  const landmark = (await listGroups(page)).find((group) => group.SecurityGroupName === 'web-public')!;
  const member = (await instances(page)).find((instance) => instance.SecurityGroupIds.SecurityGroupId.length > 0)!;
  return { landmark, member };
}

// One test per page: axe on a page of long Cloudscape tables takes a while on a busy machine.
test('the Security groups list passes axe', async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
  await page.goto('/security-groups');
  await expect(page.getByRole('grid', { name: 'Security groups' }).getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a group page passes axe', async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
  const { landmark } = await axeTargets(page);
  await page.goto(groupPage(landmark.SecurityGroupId));
  await expect(ruleRow(rulesTable(page, 'Inbound rules'), inbound(landmark)[0]!.SecurityGroupRuleId)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an instance page with its security groups and effective rules passes axe', async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
  const { member } = await axeTargets(page);
  await page.goto(instancePage(member.InstanceId));
  await expect(rulesTable(page, 'Effective inbound rules').getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
