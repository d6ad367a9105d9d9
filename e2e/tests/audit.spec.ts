import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import {
  applyAuditText,
  auditEntries,
  auditHeading,
  chooseAuditOption,
  postAsPage,
  signInTimes,
} from '../support/audit.js';
import { ADMIN, fleet, shown, signIn } from '../support/console.js';

const PAGER = { username: 'e2e.audit.pager', password: 'audit-pager-password-1' };
/** Failed stops of a stopped instance: audited, cheap, and they change nothing. 60 at 25 a page is 3 pages. */
const FAILED_STOPS = 60;

test('an admin finds, pages, opens and exports audit entries', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);

  await test.step('things happen: a user is created, signs in and once fails to, instance stops fail', async () => {
    const created = await postAsPage(page, '/api/users', { ...PAGER, role: 'viewer' });
    expect(created.status(), await created.text()).toBe(201);
    await signInTimes(PAGER, 2);
    // One failure only: failed sign-ins are throttled per address, and the other tests sign in from here too.
    const failed = await postAsPage(page, '/api/session', { username: PAGER.username, password: 'not-the-password' });
    expect(failed.status()).toBe(401);
    const stopped = (await fleet(page)).instances.find((instance) => instance.Status === 'Stopped')!;
    for (let batch = 0; batch < FAILED_STOPS; batch += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          postAsPage(page, '/api/ecs/StopInstance', { RegionId: 'cn-hangzhou', InstanceId: stopped.InstanceId }),
        ),
      );
      for (const answer of answers) expect(answer.ok()).toBe(false);
    }
  });

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(auditHeading(page)).toBeVisible();

  await test.step('filter by user and outcome: the one failed sign-in', async () => {
    await applyAuditText(page, 'User', PAGER.username);
    await chooseAuditOption(page, 'Outcome', 'Failed');
    await expect(page).toHaveURL(/user=e2e.audit.pager/);
    await expect(page).toHaveURL(/outcome=failure/);
    await expect(shown(page, 'InvalidCredentials')).toBeVisible();
    await expect(auditHeading(page)).toContainText('(1)');
  });

  await test.step('filter by action: the user creation (ChangeRole-style prefix match) and the failed stop', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await applyAuditText(page, 'Action', 'CreateUser');
    await expect(page.getByRole('row').filter({ hasText: PAGER.username })).toHaveCount(1);
    await applyAuditText(page, 'Action', 'StopInstance');
    await chooseAuditOption(page, 'Outcome', 'Failed');
    await expect(page.getByRole('row').filter({ hasText: 'StopInstance' }).first()).toBeVisible();
  });

  await test.step('the failed stop in detail: message, parameters and RequestId', async () => {
    const [entry] = await auditEntries(page, { action: 'StopInstance', outcome: 'failure' });
    expect(entry?.requestId).toBeTruthy();
    // From the keyboard: the time links to the entry's detail (the RequestId column is hidden by default).
    const id = entry!.id;
    await page.locator(`a[href$="?entry=${id}"], a[href$="&entry=${id}"]`).press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`Audit entry ${entry!.id}`)).toBeVisible();
    await expect(dialog.getByText(entry!.code!, { exact: true })).toBeVisible();
    if (entry!.message) await expect(dialog.getByText(entry!.message)).toBeVisible();
    await expect(dialog.getByText(entry!.requestId!, { exact: true })).toBeVisible();
    const params = dialog.getByRole('table', { name: 'Parameters' });
    await expect(params.getByText('InstanceId', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`entry=${entry!.id}`));
    expect(await seriousViolations(page)).toEqual([]);

    // The address opens the same detail.
    await page.reload();
    await expect(page.getByRole('dialog').getByText(entry!.requestId!, { exact: true })).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('page through the failed stops, 25 a page', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('button', { name: 'Preferences' }).click();
    const preferences = page.getByRole('dialog');
    await preferences.getByRole('radio', { name: '25 entries' }).check();
    await preferences.getByRole('button', { name: 'Confirm' }).click();
    await applyAuditText(page, 'User', ADMIN.username);
    await applyAuditText(page, 'Action', 'StopInstance');
    await chooseAuditOption(page, 'Outcome', 'Failed');
    await expect(auditHeading(page)).toContainText('(25+)');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(auditHeading(page)).toContainText('(50+)');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(auditHeading(page)).toContainText(`(${FAILED_STOPS})`);
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(page.getByRole('button', { name: 'Page 2 of all pages' })).toHaveAttribute('aria-current', 'true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('the CSV has every matching entry, not only the page shown', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    const rows = text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows.length - 1).toBe(FAILED_STOPS);
    for (const row of rows.slice(1)) {
      expect(row).toContain(ADMIN.username);
      expect(row).toContain('StopInstance');
      expect(row).toContain('failure');
    }
  });
});
