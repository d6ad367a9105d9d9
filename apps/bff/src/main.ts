import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { startConsole, type RunningConsole } from './console.js';
import { createLogger } from './logger.js';
import { isUnavailable, sqlState } from './storage/database.js';
import { EMBEDDED_DIR } from './storage/embedded.js';
import { LegacyImportError } from './storage/legacy-import.js';
import { DatabaseTooNewError } from './storage/migrations.js';

/**
 * A start that failed on the database, as one line for the operator: a database written by a later
 * release, one that cannot be reached, one that refused (password, missing database,
 * permissions), an embedded database another process holds, or 0.1.0 files that cannot be
 * imported. Undefined for other failures, which keep their stack trace.
 */
function databaseStartFailure(error: unknown): string | undefined {
  if (error instanceof DatabaseTooNewError || error instanceof LegacyImportError) return error.message;
  if (
    error instanceof Error &&
    error.message.startsWith(`the embedded database `) &&
    error.message.includes(EMBEDDED_DIR)
  )
    return error.message;
  if (isUnavailable(error)) {
    return `the database cannot be reached (${(error as Error).message}). Check CONSOLE_DATABASE_URL and that the server is up.`;
  }
  const code = sqlState(error);
  if (code && /^[0-9A-Z]{5}$/.test(code))
    return `the database refused the console (${code}: ${(error as Error).message}).`;
  return undefined;
}

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
  let running: RunningConsole;
  try {
    running = await startConsole(config, logger, { webRoot });
  } catch (error) {
    const failure = databaseStartFailure(error);
    if (failure === undefined) throw error;
    console.error(`ECS Console cannot start: ${failure}`);
    process.exit(1);
  }
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
