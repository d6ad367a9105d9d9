import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { E2E_VIEWER } from '../support/constants.js';
import { ADMIN, emulatorControl, filterInstances, fleet, shown, signIn } from '../support/console.js';
import { listGroups, type ListedGroup } from '../support/security-groups.js';
import { listDisks } from '../support/storage.js';

test.afterEach(async ({ request }) => {
  await emulatorControl(request, 'reset', { keepState: true });
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('checkbox') });
const rowOf = (page: Page, instanceId: string) => page.getByRole('row').filter({ hasText: instanceId });
/** The instance ID of the table's first row. */
const firstRowId = async (page: Page) => (await rows(page).nth(1).getByRole('link').first().textContent()) ?? '';

test('a failed load is an error, not an empty region: no "No instances", no "(0)"', async ({ page, request }) => {
  await signIn(page, ADMIN);
  // A region not listed yet, so the console's short-lived listing cache has nothing to answer with.
  await emulatorControl(request, 'faults/inject', {
    action: 'DescribeInstances',
    code: 'Forbidden.RAM',
    httpStatus: 403,
    count: 5,
  });
  await page.goto('/instances?region=us-west-1');
  await expect(shown(page, 'The instances of us-west-1 could not be loaded')).toBeVisible();
  await expect(shown(page, 'Forbidden.RAM')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(shown(page, 'Could not load')).toBeVisible();
  await expect(shown(page, 'No instances')).toHaveCount(0);
  await expect(heading(page)).toHaveText('Instances');
});

test('rows a filter hides are deselected; rows on other pages stay selected and the header and dialog say so', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const { instances } = await fleet(page);
  // The table keeps the region's order: with 20 a page, page 2 starts at the 21st instance. Stop
  // needs running instances without an operation lock.
  const stoppable = (i: (typeof instances)[number]) =>
    i.Status === 'Running' && !(i as { OperationLocks?: { LockReason: unknown[] } }).OperationLocks?.LockReason.length;
  const onPage1 = instances.slice(0, 20).filter(stoppable);
  const onPage2 = instances.slice(20, 40).filter(stoppable);
  expect(onPage1.length).toBeGreaterThan(1);
  expect(onPage2.length).toBeGreaterThan(0);

  await page.goto('/instances?region=cn-hangzhou&pageSize=20');
  await rowOf(page, onPage1[0]!.InstanceId).getByRole('checkbox').check();
  await rowOf(page, onPage1[1]!.InstanceId).getByRole('checkbox').check();
  await expect(heading(page)).toContainText(`(2/${instances.length})`);

  // A filter that keeps only the first: the second, now hidden, is no longer selected.
  await filterInstances(page, onPage1[0]!.InstanceId);
  await expect(rows(page)).toHaveCount(2); // the header row's checkbox and the one instance
  await expect(heading(page)).toContainText(`(1/${instances.length})`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rowOf(page, onPage1[1]!.InstanceId).getByRole('checkbox')).not.toBeChecked();
  await expect(rowOf(page, onPage1[0]!.InstanceId).getByRole('checkbox')).toBeChecked();

  await page.getByRole('button', { name: 'Next page' }).click();
  await rowOf(page, onPage2[0]!.InstanceId).getByRole('checkbox').check();
  await expect(shown(page, '2 selected, 1 not shown (on other pages)')).toBeVisible();
  await page.getByRole('button', { name: 'Instance state' }).click();
  await page.getByRole('menuitem', { name: 'Stop' }).click();
  await expect(page.getByRole('dialog').getByText(/1 of these is not shown in the list/)).toBeVisible();
});

test('filter, sort and page live in the address: reload, Back from an instance and a colleague’s copy', async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  const linux = (await fleet(page)).instances.filter((i) => i.OSType === 'linux').length;
  expect(linux).toBeGreaterThan(20);
  await page.goto('/users');
  await page.getByRole('link', { name: 'Instances' }).first().click();
  await expect(page).toHaveURL(/\/instances\?region=cn-hangzhou$/);

  // 20 a page (a stored preference), a filter, a sort and page 2.
  await page.getByRole('button', { name: 'Preferences' }).click();
  await page.getByRole('dialog').getByText('20 instances').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await filterInstances(page, 'OS type = linux');
  // The sticky header's cell: Cloudscape keeps the table's own header row under it, covered.
  await page.locator('th[data-focus-id="header-name"]').first().click();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/filter=osType\+=\+linux/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(/page=2&pageSize=20/);
  const address = page.url();
  const first = await firstRowId(page);
  expect(first).toMatch(/^i-/);

  await page.reload();
  await expect(rows(page).nth(1)).toContainText(first);
  await expect(page).toHaveURL(address);

  await rowOf(page, first).getByRole('link', { name: first }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/cn-hangzhou/${first}`));
  await page.goBack();
  await expect(page).toHaveURL(address);
  await expect(rows(page).nth(1)).toContainText(first);

  // Filter, sort and page replaced one history entry: one more Back leaves the list.
  await page.goBack();
  await expect(page).toHaveURL(/\/users$/);

  const colleague = await browser.newContext();
  const theirPage = await colleague.newPage();
  await signIn(theirPage, E2E_VIEWER);
  await theirPage.goto(address);
  await expect(rows(theirPage).nth(1)).toContainText(first);
  await expect(theirPage.getByRole('button', { name: 'Remove filter, OS type equals linux' })).toBeVisible();
  await colleague.close();
});

test('the list page, filtered and with a selection, has no serious accessibility violations', async ({ page }) => {
  // axe walks every node of a 50-row table: slow on a busy machine.
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto('/instances?region=cn-hangzhou&filter=status+=+Running');
  await rows(page).nth(1).getByRole('checkbox').check();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the disks list: every disk with its instance by name, filtered by type and sorted by size in the address', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const disks = await listDisks(page);
  const names = new Map((await fleet(page)).instances.map((i) => [i.InstanceId, i.InstanceName]));
  const system = disks.find((disk) => disk.Type === 'system' && names.get(disk.InstanceId));
  expect(system).toBeDefined();
  const dataDisks = disks.filter((disk) => disk.Type === 'data').length;
  expect(dataDisks).toBeGreaterThan(0);

  await page.goto('/users');
  await page.getByRole('link', { name: 'Disks' }).first().click();
  await expect(page).toHaveURL(/\/disks\?region=cn-hangzhou$/);
  await expect(heading(page)).toContainText(`(${disks.length})`);

  // A system disk's row names its instance and links to it.
  const filter = page.getByRole('combobox', { name: 'Filter disks' });
  await filter.fill(system!.DiskId);
  await filter.press('Enter');
  const row = rowOf(page, system!.DiskId);
  await expect(row).toContainText(names.get(system!.InstanceId)!);
  await expect(row.getByRole('link', { name: system!.InstanceId })).toHaveAttribute(
    'href',
    `/instances/cn-hangzhou/${system!.InstanceId}`,
  );
  await expect(row).toContainText('System disk');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Data disks only, largest first: the address says so and a reload keeps it.
  await filter.fill('Type = data');
  await filter.press('Enter');
  await expect(heading(page)).toContainText(`(${disks.length})`);
  await expect(shown(page, `${dataDisks} ${dataDisks === 1 ? 'match' : 'matches'}`)).toBeVisible();
  await page.locator('th[data-focus-id="header-size"]').first().click();
  await page.locator('th[data-focus-id="header-size"]').first().click();
  await expect(page).toHaveURL(/filter=type\+=\+data/);
  await expect(page).toHaveURL(/sort=size&order=desc/);
  const largest = Math.max(...disks.filter((disk) => disk.Type === 'data').map((disk) => disk.Size));
  await page.reload();
  await expect(rows(page).nth(1)).toContainText(`${largest.toLocaleString('en-US')}\u00a0GiB`);
  await expect(rows(page).filter({ hasText: 'System disk' })).toHaveCount(0);
});

test('the disks list, filtered and with a selection, has no serious accessibility violations', async ({ page }) => {
  // axe walks every node of a 50-row table: slow on a busy machine.
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto('/disks?region=cn-hangzhou&filter=status+=+In_use');
  await rows(page).nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('button', { name: 'Detach' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the security groups list: filtered by type and sorted by inbound rules in the address, each linked to its page; axe', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  // The type is not among what the shared helper reads of a group.
  const groups = (await listGroups(page)) as (ListedGroup & { SecurityGroupType: 'normal' | 'enterprise' })[];
  const inbound = (groupId: string) =>
    groups
      .find((group) => group.SecurityGroupId === groupId)!
      .Permissions.filter((rule) => rule.Direction === 'ingress').length;
  const basicIds = groups.filter((group) => group.SecurityGroupType === 'normal').map((group) => group.SecurityGroupId);
  expect(basicIds.length).toBeGreaterThan(0);

  await page.goto('/users');
  await page.getByRole('link', { name: 'Security groups' }).first().click();
  await expect(page).toHaveURL(/\/security-groups\?region=cn-hangzhou$/);
  await expect(heading(page)).toContainText(`(${groups.length})`);

  // Basic groups only, most inbound rules first: the address says so and a reload keeps it.
  const filter = page.getByRole('combobox', { name: 'Filter security groups' });
  await filter.fill('Type = basic');
  await filter.press('Enter');
  await expect(shown(page, `${basicIds.length} ${basicIds.length === 1 ? 'match' : 'matches'}`)).toBeVisible();
  await page.locator('th[data-focus-id="header-inbound"]').first().click();
  await page.locator('th[data-focus-id="header-inbound"]').first().click();
  await expect(page).toHaveURL(/filter=type\+=\+basic/);
  await expect(page).toHaveURL(/sort=inbound&order=desc/);
  await page.reload();
  const most = Math.max(...basicIds.map(inbound));
  const firstId = (await rows(page).nth(1).getByRole('link').first().textContent()) ?? '';
  expect(basicIds).toContain(firstId);
  expect(inbound(firstId)).toBe(most);
  await expect(rows(page).nth(1).getByRole('link', { name: firstId })).toHaveAttribute(
    'href',
    `/security-groups/cn-hangzhou/${firstId}`,
  );

  await rows(page).nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('button', { name: 'View' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
