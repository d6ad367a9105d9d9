#!/usr/bin/env node
// The e2e tests drive Debian's Chromium (browsers cannot be downloaded by `playwright install`
// here). If neither $CHROMIUM_PATH nor /usr/bin/chromium exists, install Debian's package when
// running as root, or say exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    `Chromium not found at ${wanted}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests...');
const run = (args) =>
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
run(['update', '-qq']);
run(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync(wanted)) {
  console.error(`apt-get finished but ${wanted} is still missing.`);
  process.exit(1);
}
