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
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 0);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=console`);
  // Connect's main action is the embedded viewer.
  await page.getByRole('tabpanel').getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(shown(page, /Connection: Connected/)).toBeVisible();
  // Let the first full frame land, then remember it.
  await expect.poll(async () => (await canvasPixels(page)).length).toBeGreaterThan(1000);
  const before = await canvasPixels(page);

  // The whole remote screen fits in a 1440x900 window without scrolling, below the viewer's tools.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const viewer = await page.getByRole('application', { name: `VNC console of ${target.InstanceId}` }).boundingBox();
  const canvas = await page.locator('canvas').first().boundingBox();
  const tools = await page.getByRole('button', { name: 'Disconnect' }).boundingBox();
  expect(viewer && canvas && tools).toBeTruthy();
  if (viewer && canvas && tools) {
    expect(viewer.y + viewer.height).toBeLessThanOrEqual(900);
    expect(canvas.y).toBeGreaterThanOrEqual(viewer.y);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(viewer.y + viewer.height + 1);
    expect(tools.y + tools.height).toBeLessThanOrEqual(viewer.y);
  }

  await page.getByRole('button', { name: 'Send text' }).click();
  await page.getByLabel('Text to type').fill('root');
  await page.getByRole('button', { name: 'Type text' }).click();
  await expect.poll(() => canvasPixels(page), { timeout: 10_000 }).not.toBe(before);
});

test("the console tab has one Connect, offering the embedded viewer and Alibaba Cloud's VNC page in a new tab", async ({
  page,
  context,
}) => {
  // Alibaba Cloud's page is on the internet: answer it locally; the address it is given is what matters.
  await context.route('https://g.alicdn.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Alibaba Cloud VNC</title>' }),
  );
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 5);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}`);
  // The page header's Connect leads to the console tab, where the tab's own Connect is the only one.
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/[?&]tab=console\b/);
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toHaveCount(1);

  await page.getByRole('button', { name: 'Ways to connect' }).click();
  await expect(page.getByRole('menuitem', { name: /Embedded viewer/ })).toBeVisible();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('menuitem', { name: /Alibaba Cloud VNC page/ }).click();
  const popup = await popupOpened;
  await popup.waitForURL(/^https:\/\/g\.alicdn\.com\/aliyun\/ecs-console-vnc2\/.*vncUrl=/);
  const opened = new URL(popup.url());
  expect(opened.searchParams.get('instanceId')).toBe(target.InstanceId);
  // The page cannot reach back into the console's window.
  expect(await popup.evaluate(() => window.opener === null)).toBe(true);
  await popup.close();
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

test('the screenshot tab shows an image that decodes, and Refresh waits out the per-instance limit', async ({
  page,
}) => {
  // The browser's clock is moved on by hand instead of waiting ECS's 10 seconds out.
  await page.clock.install();
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 2);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=screenshot`);
  const image = page.getByRole('img', { name: `Screenshot of the screen of instance ${target.InstanceId}` });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(shown(page, /^Captured /)).toBeVisible();

  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  await expect(refresh).toBeDisabled();
  await expect(shown(page, /^Refresh available in (10|9) s$/)).toBeVisible();
  await page.clock.fastForward(4_000);
  await expect(shown(page, /^Refresh available in [56] s$/)).toBeVisible();
  await page.clock.fastForward(6_000);
  await expect(refresh).toBeEnabled();
  await expect(shown(page, /^Refresh available in/)).toHaveCount(0);
});

test('a throttled screenshot says so and starts the same countdown', async ({ page, request }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 7);
  // ECS answers this instance's next screenshot with Throttling, as it does within 10 s of the last.
  await emulatorControl(request, 'faults/inject', {
    action: 'GetInstanceScreenshot',
    code: 'Throttling',
    httpStatus: 429,
  });
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=screenshot`);
  await expect(shown(page, /Screenshots are limited to one every few seconds/)).toBeVisible();
  await expect(shown(page, /^Refresh available in (10|9|8) s$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeDisabled();
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

test('the open tab is in the URL: it survives a reload and a round trip to another page', async ({ page }) => {
  await signIn(page, E2E_OPERATOR);
  const target = await linuxInstance(page, 'Running', 6);
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}`);
  await page.getByRole('tab', { name: 'Console output' }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/cn-hangzhou/${target.InstanceId}\\?tab=consoleOutput$`));

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Console output' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel(`Console output of ${target.InstanceId}`)).toContainText('login:');

  await page.goto('/instances');
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Console output' })).toHaveAttribute('aria-selected', 'true');

  // A tab the page does not know opens the default one.
  await page.goto(`/instances/cn-hangzhou/${target.InstanceId}?tab=nonsense`);
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
});

test('an Elastic IP shows its address with the allocation ID on a line of its own', async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  const instances = (await fleet(page)).instances as {
    InstanceId: string;
    EipAddress?: { IpAddress?: string; AllocationId?: string };
  }[];
  const withEip = instances.find((instance) => instance.EipAddress?.IpAddress && instance.EipAddress.AllocationId);
  if (!withEip?.EipAddress?.IpAddress || !withEip.EipAddress.AllocationId) throw new Error('no instance with an EIP');
  await page.goto(`/instances/cn-hangzhou/${withEip.InstanceId}`);

  const allocation = shown(page, `Allocation ID ${withEip.EipAddress.AllocationId}`);
  await expect(allocation).toBeVisible();
  const address = shown(page, withEip.EipAddress.IpAddress).last();
  const addressBox = await address.boundingBox();
  const allocationBox = await allocation.boundingBox();
  expect(addressBox && allocationBox).toBeTruthy();
  if (addressBox && allocationBox) expect(allocationBox.y).toBeGreaterThanOrEqual(addressBox.y + addressBox.height - 1);
});
