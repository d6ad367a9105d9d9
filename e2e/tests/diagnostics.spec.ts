import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR, E2E_VIEWER } from '../support/constants.js';
import { emulatorControl, fleet, shown, signIn } from '../support/console.js';

/** A Running (or Stopped) Linux instance, the `nth` of them, so screenshot limits per instance do not collide. */
async function linuxInstance(page: Page, status: 'Running' | 'Stopped', nth = 0) {
  const found = (await fleet(page)).instances.filter((i) => i.Status === status && i.OSType === 'linux')[nth];
  if (!found) throw new Error(`no ${status} Linux instance`);
  return found;
}

async function canvasPixels(page: Page): Promise<string> {
  return page
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

test('the embedded VNC viewer shows the console, and typed text changes the framebuffer', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 0);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=console`);
  await page.getByRole('tabpanel').getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: 'Open embedded viewer' }).click();
  await expect(shown(page, /Connection: Connected/)).toBeVisible();
  // Let the first full frame land, then remember it.
  await expect.poll(async () => (await canvasPixels(page)).length).toBeGreaterThan(1000);
  const before = await canvasPixels(page);

  await page.getByRole('button', { name: 'Send text' }).click();
  await page.getByLabel('Text to type').fill('root');
  await page.getByRole('button', { name: 'Type text' }).click();
  await expect.poll(() => canvasPixels(page), { timeout: 10_000 }).not.toBe(before);
});

test('a VNC URL works once and not after 15 seconds', async ({ page, request }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 1);
  const launch = async () => {
    const response = await page.request.post(`/api/instances/cn-hangzhou/${target.InstanceId}/vnc`, {
      headers: { 'x-requested-with': 'ecs-console' },
      data: {},
    });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { websocketUrl: string }).websocketUrl;
  };
  /** Opens a WebSocket from the page; resolves with whether it opened. */
  const opens = (url: string) =>
    page.evaluate(
      (address) =>
        new Promise<boolean>((resolve) => {
          const socket = new WebSocket(address);
          socket.binaryType = 'arraybuffer';
          socket.onopen = () => {
            socket.close();
            resolve(true);
          };
          socket.onerror = () => resolve(false);
        }),
      url,
    );
  const url = await launch();
  expect(await opens(url)).toBe(true);
  expect(await opens(url)).toBe(false);

  const late = await launch();
  // The URL's 15 seconds run on the emulator's clock: move it on instead of waiting them out.
  await emulatorControl(request, 'clock', { advanceMs: 16_000 });
  expect(await opens(late)).toBe(false);
});

test('the screenshot tab shows an image that decodes', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 2);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=screenshot`);
  const image = page.getByRole('img', { name: `Screenshot of the screen of instance ${target.InstanceId}` });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(shown(page, /^Captured /)).toBeVisible();
});

test('the console output tab shows the boot log, and search finds a line', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 3);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=consoleOutput`);
  const output = page.getByLabel(`Console output of ${target.InstanceId}`);
  await expect(output).toContainText('login:');
  await page.getByLabel('Search the console output').fill('login:');
  await expect(shown(page, /^1 of \d+ match(es)?$/)).toBeVisible();
});

test('a viewer sees screenshots and console output but cannot open VNC', async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  const target = await linuxInstance(page, 'Running', 4);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=screenshot`);
  await expect(
    page.getByRole('img', { name: `Screenshot of the screen of instance ${target.InstanceId}` }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Console output' }).click();
  await expect(page.getByLabel(`Console output of ${target.InstanceId}`)).toContainText('login:');
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: 'Connect', exact: true })).toBeDisabled();
  const response = await page.request.post(`/api/instances/cn-hangzhou/${target.InstanceId}/vnc`, {
    headers: { 'x-requested-with': 'ecs-console' },
    data: {},
  });
  expect(response.status()).toBe(403);
});

test('a stopped instance says why there is no screenshot or console output', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Stopped', 0);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=screenshot`);
  await expect(shown(page, 'Screenshots need a running instance. Start the instance, then refresh.')).toBeVisible();
  await page.getByRole('tab', { name: 'Console output' }).click();
  await expect(shown(page, 'There is no current console output while the instance is not running.')).toBeVisible();
});
