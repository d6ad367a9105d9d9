import { expect, test } from '@playwright/test';
import { E2E_OPERATOR, E2E_VIEWER } from '../support/constants.js';
import {
  ADMIN,
  chooseAction,
  shown,
  emulatorControl,
  emulatorStatus,
  filterInstances,
  fleet,
  selectInstance,
  signIn,
} from '../support/console.js';

test.afterEach(async ({ request }) => {
  await emulatorControl(request, 'reset', { keepState: true });
});

test('the list shows the emulator’s instances, and filters by status and tag', async ({ page }) => {
  await signIn(page, ADMIN);
  const { totalCount, instances } = await fleet(page);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Instances.*${totalCount}`) })).toBeVisible();

  const stopped = instances.filter((i) => i.Status === 'Stopped').length;
  await filterInstances(page, 'Status = Stopped');
  await expect(shown(page, new RegExp(`^${stopped} match(es)?$`))).toBeVisible();

  await page.getByRole('button', { name: 'Clear filter' }).first().click();
  const prod = instances.filter((i) => i.Tags?.Tag.some((t) => t.TagKey === 'env' && t.TagValue === 'prod')).length;
  await filterInstances(page, 'tag:env = prod');
  await expect(shown(page, new RegExp(`^${prod} match(es)?$`))).toBeVisible();
});

test('stop an instance and watch it reach Stopped, then start it back', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = (await fleet(page)).instances.find((i) => i.Status === 'Running' && i.OSType === 'linux')!;
  await selectInstance(page, target.InstanceId);
  await chooseAction(page, 'Stop');
  await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click();
  await expect(shown(page, new RegExp(`Stop requested for ${target.InstanceId}`))).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: target.InstanceId });
  await expect(row.getByText('Stopped')).toBeVisible({ timeout: 30_000 });

  await row.getByRole('checkbox').check();
  await chooseAction(page, 'Start');
  await expect(shown(page, new RegExp(`Start requested for ${target.InstanceId}`))).toBeVisible();
  await expect(row.getByText('Running')).toBeVisible({ timeout: 30_000 });
});

test('reboot an instance', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = (await fleet(page)).instances.find((i) => i.Status === 'Running')!;
  await selectInstance(page, target.InstanceId);
  await chooseAction(page, 'Reboot');
  await page.getByRole('dialog').getByRole('button', { name: 'Reboot' }).click();
  await expect(shown(page, new RegExp(`Reboot requested for ${target.InstanceId}`))).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: target.InstanceId });
  await expect(row.getByText('Running')).toBeVisible({ timeout: 30_000 });
});

test('delete asks for the instance ID typed out', async ({ page }) => {
  await signIn(page, ADMIN);
  const target = (await fleet(page)).instances.find((i) => i.Status === 'Stopped')!;
  await selectInstance(page, target.InstanceId);
  await chooseAction(page, 'Delete');
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(target.InstanceId);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(shown(page, new RegExp(`Delete requested for ${target.InstanceId}`))).toBeVisible();
  await expect
    .poll(async () => (await fleet(page)).instances.some((i) => i.InstanceId === target.InstanceId))
    .toBe(false);
});

test('a viewer cannot stop an instance: the action is disabled and the API says 403', async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  const target = (await fleet(page)).instances.find((i) => i.Status === 'Running')!;
  await selectInstance(page, target.InstanceId);
  await page.getByRole('button', { name: 'Instance state' }).click();
  await expect(page.getByRole('menuitem', { name: 'Stop' })).toBeDisabled();
  const response = await page.request.post('/api/ecs/StopInstance', {
    headers: { 'x-requested-with': 'ecs-console' },
    data: { RegionId: 'cn-hangzhou', InstanceId: target.InstanceId },
  });
  expect(response.status()).toBe(403);
});

test('an ECS error shows its code and RequestId', async ({ page, request }) => {
  await signIn(page, E2E_OPERATOR);
  const target = (await fleet(page)).instances.find((i) => i.Status === 'Running')!;
  await emulatorControl(request, 'faults/inject', {
    action: 'RebootInstance',
    code: 'InstanceLockedForSecurity',
    httpStatus: 403,
  });
  await selectInstance(page, target.InstanceId);
  await chooseAction(page, 'Reboot');
  await page.getByRole('dialog').getByRole('button', { name: 'Reboot' }).click();
  await expect(shown(page, new RegExp(`Could not reboot ${target.InstanceId}`))).toBeVisible();
  await expect(shown(page, 'InstanceLockedForSecurity')).toBeVisible();
  await expect(shown(page, /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/)).toBeVisible();
});

test('with 30% of ECS calls throttled, the full list still loads', async ({ page, request }) => {
  await signIn(page, ADMIN);
  const { totalCount } = await fleet(page);
  // Seeded, the throttling pattern is the same in every run: in its first 5,000 draws no more than
  // 5 requests in a row are throttled, well inside the BFF's retries.
  await emulatorControl(request, 'faults', { throttleRate: 0.3, seed: 30 });
  // The console shares a region's listing for a few seconds: list until one has gone to ECS
  // through the throttling (the faults did answer: the list loaded through them, not around them).
  await expect
    .poll(
      async () => {
        expect((await fleet(page)).totalCount).toBe(totalCount);
        return (await emulatorStatus(request)).faultsAnswered.throttled;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Instances.*${totalCount}`) })).toBeVisible();
});
