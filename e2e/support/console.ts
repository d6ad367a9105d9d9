import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_EMULATOR_URL } from './constants.js';

export const ADMIN = { username: 'admin', password: E2E_ADMIN_PASSWORD };

export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Instances/ })).toBeVisible();
}

/** The emulator's own fault-injection controls (loopback only, not through the console). */
export async function emulatorControl(request: APIRequestContext, path: string, body: unknown): Promise<void> {
  const response = await request.fetch(`${E2E_EMULATOR_URL}/__emulator/${path}`, {
    method: path === 'faults' ? 'PUT' : 'POST',
    data: body,
  });
  expect(response.ok(), await response.text()).toBe(true);
}

export interface EmulatorStatus {
  readonly faults: { readonly throttleRate: number; readonly seed?: number };
  /** How many requests each kind of fault answered since the last reset. */
  readonly faultsAnswered: { readonly throttled: number; readonly failed: number };
}

/** The emulator's own status (loopback only, not through the console). */
export async function emulatorStatus(request: APIRequestContext): Promise<EmulatorStatus> {
  const response = await request.get(`${E2E_EMULATOR_URL}/__emulator/status`);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as EmulatorStatus;
}

/** Every instance of a region through the console's API, with the page's session. */
export async function fleet(page: Page, regionId = 'cn-hangzhou') {
  const response = await page.request.get(`/api/regions/${regionId}/instances`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as {
    totalCount: number;
    instances: {
      InstanceId: string;
      InstanceName: string;
      Status: string;
      OSType: string;
      Tags?: { Tag: { TagKey: string; TagValue: string }[] };
    }[];
  };
}

/** Types into the instance list's filter and picks the free-text match. */
export async function filterInstances(page: Page, text: string): Promise<void> {
  const filter = page.getByRole('combobox', { name: 'Filter instances' });
  await filter.fill(text);
  await filter.press('Enter');
}

/** Selects the table row of one instance (by its ID) with its checkbox. */
export async function selectInstance(page: Page, instanceId: string): Promise<void> {
  await filterInstances(page, instanceId);
  const row = page.getByRole('row').filter({ hasText: instanceId });
  await expect(row).toHaveCount(1);
  await row.getByRole('checkbox').check();
}

export async function chooseAction(page: Page, action: 'Start' | 'Stop' | 'Reboot' | 'Delete'): Promise<void> {
  await page.getByRole('button', { name: 'Instance state' }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Visible text only: Cloudscape repeats messages in hidden live regions for screen readers. */
export function shown(page: Page, text: string | RegExp) {
  return page.getByText(text, typeof text === 'string' ? { exact: true } : {}).filter({ visible: true });
}
