import { expect, test } from '@playwright/test';
import { ADMIN, fleet, signIn } from '../support/console.js';
import { E2E_EMULATOR_KEY } from '../support/constants.js';

test('the AccessKey secret never reaches the browser: no response body, header or JS asset has it', async ({
  page,
}) => {
  const secret = E2E_EMULATOR_KEY.secret;

  const seen: string[] = [];
  page.on('response', async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push(`${response.url()}\n${headers}\n${body.toString('utf8')}`);
  });
  await signIn(page, ADMIN);
  await fleet(page);
  const first = (await fleet(page)).instances[0]!;
  await page.goto(`/instances/cn-hangzhou/${first.InstanceId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(seen.length).toBeGreaterThan(5);
  expect(seen.some((text) => text.includes('.js'))).toBe(true);
  for (const text of seen) expect(text).not.toContain(secret);
});
