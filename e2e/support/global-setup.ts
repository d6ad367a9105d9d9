import { request } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_OPERATOR, E2E_URL, E2E_VIEWER } from './constants.js';

/** Creates the viewer and operator accounts the tests sign in as, through the admin API. */
export default async function globalSetup(): Promise<void> {
  const api = await request.newContext({
    baseURL: E2E_URL,
    extraHTTPHeaders: { 'x-requested-with': 'ecs-console', origin: E2E_URL },
  });
  const login = await api.post('/api/session', { data: { username: 'admin', password: E2E_ADMIN_PASSWORD } });
  if (!login.ok()) throw new Error(`admin sign-in failed: ${login.status()} ${await login.text()}`);
  for (const [user, role] of [
    [E2E_VIEWER, 'viewer'],
    [E2E_OPERATOR, 'operator'],
  ] as const) {
    const created = await api.post('/api/users', { data: { ...user, role } });
    if (created.status() !== 201 && created.status() !== 409)
      throw new Error(`creating ${user.username}: ${await created.text()}`);
  }
  await api.dispose();
}
