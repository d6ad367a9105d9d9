import { expect, test } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { ADMIN, fleet, signIn } from '../support/console.js';

test('the main pages have no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, ADMIN);
  await expect(page.getByRole('row').nth(2)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const first = (await fleet(page)).instances[0]!;
  await page.goto(`/instances/cn-hangzhou/${first.InstanceId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: /Audit log/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: /Users/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('signing in and opening an instance work from the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('User name')).toBeFocused();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Instances/ })).toBeVisible();
  // Move keyboard focus onto the first instance's link and follow it with Enter.
  const first = (await fleet(page)).instances[0]!;
  const link = page.getByRole('link', { name: first.InstanceId, exact: true });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(first.InstanceId));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first.InstanceName);
});
