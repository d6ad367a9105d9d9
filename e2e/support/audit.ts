import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_URL } from './constants.js';

/** What the audit tests read of an entry through the API. */
export interface ListedAuditEntry {
  readonly id: string;
  readonly user: string;
  readonly event: string;
  readonly action?: string;
  readonly outcome: string;
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
  readonly params: Record<string, unknown>;
}

/** The headers a state-changing call to the console needs (its CSRF check). */
const WRITE_HEADERS = { 'x-requested-with': 'ecs-console', origin: E2E_URL };

/** An API client of its own (its own cookies), as a second browser would be. */
export async function apiClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E_URL, extraHTTPHeaders: WRITE_HEADERS });
}

/** Signs `user` in `times` times, one after another: each is a successful sign-in in the audit log. */
export async function signInTimes(user: { username: string; password: string }, times: number): Promise<void> {
  const api = await apiClient();
  for (let attempt = 0; attempt < times; attempt += 1) {
    const response = await api.post('/api/session', { data: user });
    expect(response.ok(), await response.text()).toBe(true);
  }
  await api.dispose();
}

/** A POST with the page's session. */
export async function postAsPage(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: WRITE_HEADERS });
}

/** The newest entries a filter matches, through the API with the page's session. */
export async function auditEntries(page: Page, query: Record<string, string>): Promise<ListedAuditEntry[]> {
  const response = await page.request.get(`/api/audit?${new URLSearchParams({ limit: '500', ...query })}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { entries: ListedAuditEntry[] }).entries;
}

/** Applies a text filter of the audit page (User, Action, Resource ID): type, then Enter. */
export async function applyAuditText(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Picks an option of one of the audit page's selects (Event, Outcome). */
export async function chooseAuditOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The page's heading counter, e.g. `(25+)`. */
export function auditHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: /Audit log/ });
}
