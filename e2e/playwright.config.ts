import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_EMULATOR_KEY, E2E_EMULATOR_PORT, E2E_PORT, E2E_URL } from './support/constants.js';

// Debian's Chromium (downloads of Playwright's own browsers are not possible here). As root it
// needs --no-sandbox; the rest keep it from reaching for the network.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: E2E_URL,
    launchOptions: { executablePath, args },
    trace: 'off',
  },
  // The console exactly as `pnpm start` runs it (built BFF and SPA), with the embedded emulator
  // sped up 20x so transitions take about a second, in a fresh data directory.
  webServer: {
    command: 'node ../apps/bff/dist/main.js',
    url: `${E2E_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      CONSOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'ecs-console-e2e-')),
      CONSOLE_EMULATOR: 'always',
      CONSOLE_EMULATOR_SPEED: '20',
      CONSOLE_EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      CONSOLE_EMULATOR_ACCESS_KEY_ID: E2E_EMULATOR_KEY.id,
      CONSOLE_EMULATOR_ACCESS_KEY_SECRET: E2E_EMULATOR_KEY.secret,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
    },
  },
});
