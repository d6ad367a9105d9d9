import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig, startConsole, type RunningConsole } from '@ecs-console/bff';
import type { Credentials } from '@ecs-console/ecs-client';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startChildServer, type ChildServer } from './child-server.js';

/**
 * The console as a user's browser sees it, for benchmarks of what happens in the page: Debian's
 * Chromium (via playwright-core, no browser download), the built SPA served by the BFF, and an
 * emulator with a large region.
 */

const ADMIN_PASSWORD = 'bench-admin-password';
export const REGION = 'cn-hangzhou';

/** Chromium to drive: `$CHROMIUM_PATH` or Debian's; undefined when there is none. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** The built SPA (`pnpm --filter @ecs-console/web build`); `BENCH_WEB_ROOT` measures another build. */
export function webRoot(): string {
  return process.env.BENCH_WEB_ROOT || fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));
}

/** Why a browser benchmark cannot run here, or undefined when it can. */
export function browserSkipReason(): string | undefined {
  if (!chromiumPath()) {
    return `no Chromium at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} (install Debian's chromium or set CHROMIUM_PATH)`;
  }
  if (!existsSync(join(webRoot(), 'index.html'))) {
    return `no built SPA in ${webRoot()} (run: pnpm --filter @ecs-console/web build)`;
  }
  return undefined;
}

export interface ConsoleUnderTest {
  readonly url: string;
  readonly emulator: ChildServer;
  readonly console: RunningConsole;
  close(): Promise<void>;
}

/**
 * An emulator with `instances` instances in cn-hangzhou (its own process) and the BFF serving the
 * built SPA (in this process: the browser is what is measured).
 */
export async function startConsoleUnderTest(options: {
  readonly instances: number;
  readonly latencyMs?: number;
  /** Emulated seconds per real second (a stop takes 10 emulated seconds). */
  readonly speed?: number;
}): Promise<ConsoleUnderTest> {
  const emulator = await startChildServer(new URL('../servers/emulator-server.js', import.meta.url), [
    JSON.stringify({ instances: options.instances, latencyMs: options.latencyMs ?? 0, speed: options.speed ?? 1 }),
  ]);
  const credentials = emulator.info.credentials as Credentials;
  const env = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    CONSOLE_DATA_DIR: await mkdtemp(join(tmpdir(), 'bench-browser-')),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ECS_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
  };
  // The credential chain reads the process's environment, as in production.
  Object.assign(process.env, env);
  const config = loadConfig(env);
  let running: RunningConsole;
  try {
    running = await startConsole(config, createLogger(config.LOG_LEVEL), { webRoot: webRoot() });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return {
    url: running.url,
    emulator,
    console: running,
    async close() {
      await running.close();
      await emulator.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(browserSkipReason());
  return chromium.launch({
    executablePath,
    // As root Chromium needs --no-sandbox; the rest keep it from reaching for the network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface ListedInstance {
  readonly InstanceId: string;
  readonly InstanceName: string;
  readonly Status: string;
  readonly VpcAttributes: { readonly PrivateIpAddress: { readonly IpAddress: readonly string[] } };
  readonly OperationLocks?: { readonly LockReason?: readonly { readonly LockReason: string }[] };
}

/**
 * A 1440×900 page signed in as admin through the sign-in form, with the instance list loaded;
 * also the region's instances.
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  beforeSignIn?: (page: Page) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page; instances: readonly ListedInstance[] }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await beforeSignIn?.(page);
  await page.goto('/login');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await instanceRows(page).first().waitFor();
  // The page's own answer is too big for the inspector to keep: ask again, through the session.
  const response = await page.request.get(`/api/regions/${REGION}/instances`, { timeout: 120_000 });
  if (!response.ok()) throw new Error(`listing failed: ${response.status()}`);
  const { instances } = (await response.json()) as { instances: ListedInstance[] };
  return { context, page, instances };
}

/** The instance table's body rows. */
export function instanceRows(page: Page) {
  return page.locator('table tbody tr');
}
