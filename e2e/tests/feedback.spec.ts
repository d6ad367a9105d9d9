import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { E2E_OPERATOR } from '../support/constants.js';
import {
  ADMIN,
  chooseAction,
  emulatorControl,
  filterInstances,
  fleet,
  selectInstance,
  shown,
  signIn,
} from '../support/console.js';

test.afterEach(async ({ request }) => {
  await emulatorControl(request, 'reset', { keepState: true });
});

interface RuledInstance {
  InstanceId: string;
  InstanceName: string;
  Status: string;
  InstanceChargeType: string;
  DeletionProtection: boolean;
  OperationLocks: { LockReason: { LockReason: string }[] };
}

async function ruledInstances(page: Page): Promise<RuledInstance[]> {
  return (await fleet(page)).instances as unknown as RuledInstance[];
}

const unlocked = (instance: RuledInstance) => instance.OperationLocks.LockReason.length === 0;
const rowOf = (page: Page, instanceId: string) => page.getByRole('row').filter({ hasText: instanceId });

test('a failed action is in view after scrolling down the list', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await signIn(page, E2E_OPERATOR);
  const running = (await ruledInstances(page)).filter((i) => i.Status === 'Running' && unlocked(i));
  // The list's last running row, at the bottom of a page taller than the window.
  const target = running.at(-1)!;
  const row = rowOf(page, target.InstanceId);
  await row.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);

  await emulatorControl(request, 'faults/inject', {
    action: 'StopInstance',
    code: 'InstanceExpiredOrInArrears',
    httpStatus: 403,
    count: 1,
  });
  await row.getByRole('checkbox').check();
  await chooseAction(page, 'Stop');
  await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click();

  const failure = shown(page, new RegExp(`Could not stop ${target.InstanceId}`));
  await expect(failure).toBeInViewport();
  await expect(shown(page, 'InstanceExpiredOrInArrears')).toBeInViewport();
});

test('a batch is summed up in one message, with each instance on demand; the page passes axe', async ({
  page,
  request,
}) => {
  // axe on a page with a full table and a notification takes a while on a loaded machine.
  test.slow();
  await signIn(page, E2E_OPERATOR);
  const stopped = (await ruledInstances(page)).filter((i) => i.Status === 'Stopped' && unlocked(i)).slice(0, 3);
  expect(stopped).toHaveLength(3);
  await filterInstances(page, 'Status = Stopped');
  for (const instance of stopped) await rowOf(page, instance.InstanceId).getByRole('checkbox').check();

  await emulatorControl(request, 'faults/inject', {
    action: 'StartInstance',
    code: 'OperationDenied.NoStock',
    httpStatus: 403,
    count: 1,
  });
  await chooseAction(page, 'Start');

  const summary = shown(page, '2 started, 1 failed: OperationDenied.NoStock');
  await expect(summary).toBeVisible();
  // One message for the batch, not one per instance.
  await expect(shown(page, /^Start requested for /)).toHaveCount(0);
  await page.getByRole('button', { name: 'Details (3 items)' }).click();
  const details = page.getByRole('list', { name: 'Result of each item' });
  await expect(details.getByRole('listitem')).toHaveCount(3);
  await expect(details.getByRole('listitem').first()).toContainText('OperationDenied.NoStock');
  for (const instance of stopped) await expect(details).toContainText(instance.InstanceId);

  expect(await seriousViolations(page)).toEqual([]);
});

test('Delete is disabled on a subscription instance, with the reason naming it', async ({ page }) => {
  await signIn(page, ADMIN);
  const subscription = (await ruledInstances(page)).find((i) => i.InstanceChargeType === 'PrePaid')!;
  expect(subscription).toBeDefined();
  await selectInstance(page, subscription.InstanceId);
  await page.getByRole('button', { name: 'Instance state' }).click();
  const remove = page.getByRole('menuitem', { name: /^Delete/ });
  await expect(remove).toBeDisabled();
  await remove.hover();
  await expect(
    shown(
      page,
      new RegExp(`^${subscription.InstanceId} \\(${subscription.InstanceName}\\) is a subscription instance`),
    ),
  ).toBeVisible();
  // What the console refuses early, ECS refuses too.
  const response = await page.request.post('/api/ecs/DeleteInstance', {
    headers: { 'x-requested-with': 'ecs-console' },
    data: { RegionId: 'cn-hangzhou', InstanceId: subscription.InstanceId, Force: true },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { code: string }).code).toBe('ChargeTypeViolation');
});

test('Start is disabled on an instance locked for non-payment, as ECS answers InstanceExpired', async ({ page }) => {
  await signIn(page, ADMIN);
  const locked = (await ruledInstances(page)).find((i) =>
    i.OperationLocks.LockReason.some((lock) => lock.LockReason === 'financial'),
  )!;
  await selectInstance(page, locked.InstanceId);
  await page.getByRole('button', { name: 'Instance state' }).click();
  await expect(page.getByRole('menuitem', { name: /^Start/ })).toBeDisabled();
  const response = await page.request.post('/api/ecs/StartInstance', {
    headers: { 'x-requested-with': 'ecs-console' },
    data: { RegionId: 'cn-hangzhou', InstanceId: locked.InstanceId },
  });
  expect(((await response.json()) as { code: string }).code).toBe('InstanceExpired');
});

test('an ended session says so, and signing in again returns to the same URL with its query', async ({
  page,
  context,
}) => {
  await signIn(page, ADMIN);
  const target = (await ruledInstances(page)).find((i) => i.Status === 'Running' && unlocked(i))!;
  await filterInstances(page, target.InstanceId);
  await expect(rowOf(page, target.InstanceId)).toHaveCount(1);
  // The list writes its region and filter into the address: wait for both before remembering it.
  await expect(page).toHaveURL(/[?&]region=cn-hangzhou(&|$)/);
  await expect(page).toHaveURL(/[?&]filter=/);
  const before = page.url();

  // Signed out in another tab of the same browser.
  const other = await context.newPage();
  await other.goto('/instances');
  await other.getByRole('button', { name: /User menu for admin/ }).click();
  await other.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/\/login/);
  await other.close();

  await rowOf(page, target.InstanceId).getByRole('checkbox').check();
  await chooseAction(page, 'Reboot');
  await page.getByRole('dialog').getByRole('button', { name: 'Reboot' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(shown(page, 'Your session expired; sign in again.')).toBeVisible();
  await expect(page).toHaveTitle('Sign in · ECS Console');

  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(before);
  await expect(rowOf(page, target.InstanceId)).toHaveCount(1);
});

test('signing out is not called an expiry', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('button', { name: /User menu for admin/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(shown(page, 'Your session expired; sign in again.')).toHaveCount(0);
});

test('pages have their own titles, a skip link comes first, and dialogs open on their first field', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveTitle('Instances · ECS Console');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  const stopped = (await ruledInstances(page)).find(
    (i) => i.Status === 'Stopped' && unlocked(i) && i.InstanceChargeType === 'PostPaid' && !i.DeletionProtection,
  )!;
  await selectInstance(page, stopped.InstanceId);
  await chooseAction(page, 'Delete');
  await expect(page.getByRole('dialog').getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');

  await page.goto(`/instances/cn-hangzhou/${stopped.InstanceId}`);
  await expect(page).toHaveTitle(`${stopped.InstanceId} · Instances · ECS Console`);
  await page.goto('/audit');
  await expect(page).toHaveTitle('Audit log · ECS Console');
  await page.goto('/no/such/page');
  await expect(page).toHaveTitle('Page not found · ECS Console');
});
