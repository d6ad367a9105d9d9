import { expect, test } from '@playwright/test';
import { ADMIN, shown, signIn } from '../support/console.js';

test('an admin creates a user, changes its role, and deletes it; the new user can sign in', async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Users/ })).toBeVisible();

  await page.getByRole('button', { name: 'Create user' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('User name').fill('e2e.newcomer');
  await create.getByLabel('Password', { exact: true }).fill('newcomer-password-1');
  await create.getByLabel('Confirm the password').fill('newcomer-password-1');
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(shown(page, /User e2e\.newcomer was created with the/)).toBeVisible();

  // The new account works in a browser of its own.
  const other = await browser.newPage();
  await signIn(other, { username: 'e2e.newcomer', password: 'newcomer-password-1' });
  await other.close();

  const row = page.getByRole('row').filter({ hasText: 'e2e.newcomer' });
  await row.getByRole('radio').check();
  await page.getByRole('button', { name: 'Change role' }).click();
  const roleDialog = page.getByRole('dialog');
  await roleDialog.getByRole('button', { name: /Role/ }).first().click();
  await page.getByRole('option', { name: /Operator/ }).click();
  await roleDialog.getByRole('button', { name: 'Change role' }).click();
  await expect(shown(page, /e2e\.newcomer is now/)).toBeVisible();

  await row.getByRole('radio').check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const deleteDialog = page.getByRole('dialog');
  await deleteDialog.getByRole('textbox').fill('e2e.newcomer');
  await deleteDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'e2e.newcomer' })).toHaveCount(0);
});
