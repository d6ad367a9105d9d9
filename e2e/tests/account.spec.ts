import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { ADMIN, shown, signIn } from '../support/console.js';

const CSRF = { 'x-requested-with': 'ecs-console' };

/** A fresh user, created by the admin through the API (not the page under test). */
async function createUser(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, ADMIN);
  const response = await page.request.post('/api/users', {
    headers: CSRF,
    data: { username, password, role: 'viewer' },
  });
  expect(response.status(), await response.text()).toBe(201);
  await page.request.delete('/api/session', { headers: CSRF });
}

async function openChangePassword(page: Page, username: string) {
  await page.getByRole('button', { name: `User menu for ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a user changes their own password from the user menu and signs in with the new one', async ({
  page,
  browser,
}) => {
  // Eight scrypt password hashes and checks (create, sign-ins, the change): slow on a busy machine.
  test.slow();
  const username = `e2e.acct${Date.now().toString(36)}`;
  const oldPassword = 'first-password-for-acct';
  const newPassword = 'second-password-for-acct';
  const admin = await browser.newPage();
  await createUser(admin, username, oldPassword);
  await admin.close();

  await signIn(page, { username, password: oldPassword });
  let dialog = await openChangePassword(page, username);

  // The dialog itself is accessible (labels, focus, contrast).
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  await dialog.getByLabel('Current password').fill(oldPassword);
  await dialog.getByLabel('New password', { exact: true }).fill(newPassword);
  await dialog.getByLabel('Confirm the new password').fill(newPassword);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(shown(page, 'Your password was changed.')).toBeVisible();
  await expect(dialog).toBeHidden();

  // This session stays signed in (the server re-issues it); after signing out, the old password no
  // longer works and the new one does.
  await page.getByRole('button', { name: `User menu for ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(oldPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(shown(page, 'The user name or password is not correct.')).toBeVisible();
  await signIn(page, { username, password: newPassword });

  // A common password is refused by the server, and its message is shown as it is.
  const weak = 'password1234';
  const answer = await page.request.put('/api/session/password', {
    headers: CSRF,
    data: { currentPassword: newPassword, newPassword: weak },
  });
  expect(answer.status()).toBe(400);
  const refusal = (await answer.json()) as { code: string; message: string };
  expect(refusal.code).toBe('WeakPassword');

  dialog = await openChangePassword(page, username);
  await dialog.getByLabel('Current password').fill(newPassword);
  await dialog.getByLabel('New password', { exact: true }).fill(weak);
  await dialog.getByLabel('Confirm the new password').fill(weak);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText(refusal.message, { exact: true })).toBeVisible();
  await expect(dialog.getByText('WeakPassword', { exact: true })).toBeVisible();
  // Still the same password: the refusal changed nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
