import { createLogger, loadConfig, startConsole } from '@ecs-console/bff';

/**
 * The console's BFF in its own process for benchmarks, configured by environment variables as in
 * production. Sends `{ url }` once listening.
 */
const config = loadConfig(process.env);
const running = await startConsole(config, createLogger(config.LOG_LEVEL));
process.send?.({ url: running.url });

// A normal exit on kill, so a --cpu-prof run writes this process's profile too; the database is
// closed first (PGlite's files and lock left clean, a server's connections ended).
process.once('SIGTERM', () => void running.close().finally(() => process.exit(0)));
