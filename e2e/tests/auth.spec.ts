import { expect, test } from '@playwright/test';
import { ADMIN, shown, signIn } from '../support/console.js';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(shown(page, 'The user name or password is not correct.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the right password opens the instance list, with the emulator banner', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(shown(page, 'Emulator: no real cloud resources')).toBeVisible();
  await page.getByRole('button', { name: /User menu for admin/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
});
