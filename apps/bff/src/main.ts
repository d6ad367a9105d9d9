import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { startConsole } from './console.js';
import { createLogger } from './logger.js';

/** `pnpm start`: the console on one port, with the built SPA. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`ECS Console cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const running = await startConsole(config, logger, { webRoot });
  if (running.backend.kind === 'emulator') {
    logger.warn('no Alibaba Cloud credentials found: using the embedded ECS emulator (no real cloud resources)');
  } else {
    logger.info({ backend: running.backend.kind }, 'calling ECS');
  }
  if (running.generatedAdminPassword) {
    // Printed once, on the console only (not through the logger), so it is never in log files.
    console.log(
      `\nFirst start: created user "admin" with password ${running.generatedAdminPassword}\nStore it safely: it is not shown again. (Set CONSOLE_ADMIN_PASSWORD before the first start to choose it.)\n`,
    );
  }
  if (running.backend.kind === 'emulator')
    console.log('Emulator: no real cloud resources (no Alibaba Cloud credentials found)');
  console.log(`ECS Console: ${running.url}`);

  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
